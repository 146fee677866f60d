// Starts the real Continuity server binary and a headless Debian Chromium for browser tests.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const RESULTS_DIR = path.join(WEB_DIR, "test-results");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const ADMIN_EMAIL = "admin@example.com";

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @typedef {object} RunningServer
 * @property {string} baseUrl
 * @property {string} adminEmail
 * @property {string} adminPassword
 * @property {() => string} logs
 * @property {() => Promise<void>} stop
 */

/**
 * Starts `continuity serve` on a fresh SQLite database and a free port, and
 * waits until `GET /healthz` answers 200.
 * @returns {Promise<RunningServer>}
 */
export async function startServer({ timeoutMs = 90_000, demo = false } = {}) {
  const bin = path.resolve(WEB_DIR, process.env.CONTINUITY_BIN ?? "../target/debug/continuity");
  if (!existsSync(bin)) {
    throw new Error(
      `Server binary not found at ${bin}. Build it with \`cargo build -p continuity\` ` +
        "or point CONTINUITY_BIN at it.",
    );
  }
  const webDist = path.join(WEB_DIR, "dist");
  if (!existsSync(path.join(webDist, "index.html"))) {
    throw new Error(`No SPA build at ${webDist}; run \`npm run build\` first.`);
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), "continuity-web-test-"));
  const port = await freePort();
  const adminPassword = `Adm-${randomBytes(9).toString("base64url")}`;
  const env = {
    ...process.env,
    CONTINUITY_DATABASE_URL: path.join(dataDir, "test.sqlite"),
    CONTINUITY_BIND: `127.0.0.1:${port}`,
    CONTINUITY_JWT_SECRET: randomBytes(32).toString("hex"),
    CONTINUITY_ADMIN_EMAIL: ADMIN_EMAIL,
    CONTINUITY_ADMIN_PASSWORD: adminPassword,
    CONTINUITY_WEB_DIR: webDist,
  };

  mkdirSync(RESULTS_DIR, { recursive: true });
  const logPath = path.join(RESULTS_DIR, "server.log");
  const logFile = createWriteStream(logPath);
  let output = "";
  const child = spawn(bin, demo ? ["serve", "--demo"] : ["serve"], {
    env,
    cwd: dataDir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  /** @param {Buffer} chunk */
  const collect = (chunk) => {
    output += chunk;
    if (output.length > 200_000) output = output.slice(-100_000);
    logFile.write(chunk);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  /** @type {number | null} */
  let exitCode = null;
  const exited = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      exitCode = code ?? (signal ? 128 : 0);
      resolve(undefined);
    });
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exitCode === null) {
      child.kill("SIGTERM");
      const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) {
        child.kill("SIGKILL");
        await exited;
      }
    }
    logFile.end();
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== null) {
      await stop();
      throw new Error(`continuity serve exited with ${exitCode} before it was healthy:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`continuity serve was not healthy within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(150);
  }

  return { baseUrl, adminEmail: ADMIN_EMAIL, adminPassword, logs: () => output, stop };
}

/**
 * Launches headless Debian Chromium with a fresh user-data directory; `locale` is the
 * browser's language (`navigator.languages`, `Accept-Language`), British English unless told.
 * @param {{ width: number, height: number }} [viewport]
 * @param {{ locale?: string }} [options]
 */
export async function launchBrowser(
  viewport = { width: 1280, height: 800 },
  { locale = "en-GB" } = {},
) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; run scripts/ensure-chromium.sh.`);
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), "continuity-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale,
    timezoneId: "UTC",
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Collects uncaught page errors and console errors of a page.
 * @param {import("playwright-core").Page} page
 */
export function watchErrors(page) {
  /** @type {string[]} */
  const errors = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    // Expected 4xx answers (e.g. a refused sign-in) are logged by the browser itself.
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) {
      errors.push(`console: ${msg.text()}`);
    }
  });
  return errors;
}

/**
 * Whether the page scrolls sideways (what a phone-width check asserts is false).
 * @param {import("playwright-core").Page} page
 */
export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** @param {string} name */
export function screenshotPath(name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return path.join(RESULTS_DIR, `${name}.png`);
}
