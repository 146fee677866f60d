// The server's sign-in limiter as a person meets it. Runs on its own server so
// that the lock-out cannot disturb the other browser tests.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, screenshotPath, startServer, watchErrors } from "./harness.mjs";

/** Wrong sign-ins tried before concluding that the server has no limiter. */
const MAX_ATTEMPTS = 30;

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("after repeated wrong passwords the form says how long to wait", async (t) => {
  let limited = false;
  for (let i = 0; i < MAX_ATTEMPTS && !limited; i++) {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: server.adminEmail, password: `wrong-password-${i}` }),
    });
    await res.arrayBuffer();
    assert.ok([401, 429].includes(res.status), `attempt ${i + 1}: unexpected ${res.status}`);
    limited = res.status === 429;
  }
  if (!limited) {
    t.skip(`no 429 after ${MAX_ATTEMPTS} wrong sign-ins: the server does not limit attempts yet`);
    return;
  }

  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  /** @type {string | null} */
  let retryAfter = null;
  page.on("response", (res) => {
    if (res.url().endsWith("/api/v1/auth/login")) retryAfter = res.headers()["retry-after"] ?? null;
  });
  await page.goto(server.baseUrl + "/");
  await page.getByLabel("Email").fill(server.adminEmail);
  await page.getByLabel("Password").fill("yet-another-wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.locator("form [role=alert]");
  await alert.waitFor();
  const text = (await alert.textContent())?.trim() ?? "";
  assert.ok(retryAfter, "the 429 carries Retry-After");
  const seconds = Number(retryAfter);
  const match = /^Too many attempts, try again in (\d+) s\.$/.exec(text);
  assert.ok(match, `message: ${text}`);
  // The countdown may already have ticked once.
  assert.ok(Math.abs(Number(match[1]) - seconds) <= 1, `${match[1]} s vs Retry-After ${seconds}`);
  assert.equal(await page.getByRole("button", { name: "Sign in" }).isDisabled(), true);
  await page.screenshot({ path: screenshotPath("signin-rate-limited-1280") });
  assert.deepEqual(errors, []);
  await page.close();
});
