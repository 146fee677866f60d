// Measures the JavaScript a first visit downloads (the entry script and the chunks
// index.html preloads, gzipped) and fails when it exceeds the budget. Lazy pages
// are listed for information only.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 250 * 1024;

/**
 * Script and modulepreload URLs of a built index.html.
 * @param {string} html
 */
export function initialScripts(html) {
  const urls = new Set();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g))
    urls.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+href="([^"]+\.js)"[^>]+rel="modulepreload"/g))
    urls.add(m[1]);
  return [...urls];
}

/** @param {Buffer} buffer */
export function gzipSize(buffer) {
  return gzipSync(buffer, { level: 9 }).length;
}

/**
 * Sizes of the built app: initial scripts (gzipped) against the budget, and every chunk.
 * @param {string} distDir
 */
export function measure(distDir) {
  const html = readFileSync(path.join(distDir, "index.html"), "utf8");
  const initial = initialScripts(html).map((url) => {
    const file = path.join(distDir, url.replace(/^\//, ""));
    return { file: path.relative(distDir, file), gzip: gzipSize(readFileSync(file)) };
  });
  const assets = path.join(distDir, "assets");
  const chunks = readdirSync(assets)
    .filter((f) => f.endsWith(".js"))
    .map((f) => ({
      file: `assets/${f}`,
      raw: statSync(path.join(assets, f)).size,
      gzip: gzipSize(readFileSync(path.join(assets, f))),
    }))
    .sort((a, b) => b.gzip - a.gzip);
  const initialGzip = initial.reduce((sum, f) => sum + f.gzip, 0);
  return { initial, initialGzip, chunks, withinBudget: initialGzip <= BUDGET_BYTES };
}

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
  const result = measure(dist);
  console.log(`initial JavaScript: ${kb(result.initialGzip)} gzipped (budget ${kb(BUDGET_BYTES)})`);
  for (const f of result.initial) console.log(`  ${f.file}  ${kb(f.gzip)}`);
  console.log("all chunks (gzipped):");
  for (const c of result.chunks) console.log(`  ${c.file}  ${kb(c.gzip)}`);
  if (!result.withinBudget) {
    console.error(`over budget by ${kb(result.initialGzip - BUDGET_BYTES)}`);
    process.exit(1);
  }
}
