import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUDGET_BYTES, initialScripts, measure } from "../../scripts/bundle-size.mjs";

describe("bundle size check", () => {
  it("counts the entry script and the chunks index.html preloads", () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/ui-b.js">
      <link rel="stylesheet" href="/assets/index.css">`;
    expect(initialScripts(html)).toEqual(["/assets/index-a.js", "/assets/ui-b.js"]);
  });

  it("leaves lazy chunks out of the initial total", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bundle-size-"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(
      path.join(dir, "index.html"),
      '<script type="module" src="/assets/index-a.js"></script>',
    );
    writeFileSync(path.join(dir, "assets/index-a.js"), "console.log(1);".repeat(100));
    writeFileSync(path.join(dir, "assets/Risk-c.js"), "x".repeat(500_000));
    const result = measure(dir);
    expect(result.initial.map((f) => f.file)).toEqual(["assets/index-a.js"]);
    expect(result.initialGzip).toBeLessThan(1000);
    expect(result.chunks).toHaveLength(2);
    expect(result.withinBudget).toBe(true);
  });

  const dist = path.resolve(__dirname, "../../dist");
  it.skipIf(!existsSync(path.join(dist, "index.html")))(
    "keeps the built app's initial JavaScript within 250 KB gzipped",
    () => {
      const result = measure(dist);
      expect(BUDGET_BYTES).toBe(250 * 1024);
      expect(result.initialGzip).toBeLessThanOrEqual(BUDGET_BYTES);
    },
  );
});
