// Measures how long the risk dashboard takes to render on the demo firm (2 000 accounts):
// from navigation to the flag counts, the band chart, the top-exposed table and the truck
// factor all on screen, in headless Chromium, signed in as the demo sales lead and as HR
// (firm-wide). Prints the median of 5 loads each. A measurement, not a test.
//   npm run build && CONTINUITY_BIN=../target/release/continuity node scripts/measure-dashboard.mjs
import { apiAs, openSignedIn } from "../tests/browser/api.mjs";
import { launchBrowser, startServer } from "../tests/browser/harness.mjs";

const RUNS = 5;
const server = await startServer({ demo: true, timeoutMs: 300_000 });
const browser = await launchBrowser({ width: 1280, height: 900 });
try {
  for (const email of ["lead@demo.continuity.example", "hr@demo.continuity.example"]) {
    const { session } = await apiAs(server.baseUrl, email, "continuity-demo");
    const page = await browser.context.newPage();
    await openSignedIn(page, server.baseUrl, session, "/accounts");
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await page.goto(`${server.baseUrl}/risk`);
      for (const id of ["flag-counts", "top-exposed", "truck-factor"]) {
        await page.getByTestId(id).first().waitFor({ timeout: 30_000 });
      }
      await page.locator(".chart canvas").first().waitFor({ timeout: 30_000 });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(
      `${email}: median ${median.toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(", ")} ms)`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
