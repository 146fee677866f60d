// A small JSON client for setting up data through the real API in browser tests.
import assert from "node:assert/strict";

/**
 * @param {string} baseUrl
 * @param {string} email
 * @param {string} password
 */
export async function apiAs(baseUrl, email, password) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const text = await res.text();
  assert.equal(res.status, 200, `login ${email}: ${res.status} ${text}`);
  const login = JSON.parse(text);
  const token = login.access_token;

  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @param {{ ifMatch?: string | number, expect?: number }} [options]
   */
  async function call(method, path, body, options = {}) {
    /** @type {Record<string, string>} */
    const headers = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (options.ifMatch !== undefined) headers["if-match"] = `"${options.ifMatch}"`;
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const t = await r.text();
    const data = t ? JSON.parse(t) : null;
    if (options.expect !== undefined) {
      assert.equal(r.status, options.expect, `${method} ${path}: ${r.status} ${t}`);
    } else {
      assert.ok(r.ok, `${method} ${path}: ${r.status} ${t}`);
    }
    return data;
  }

  return {
    user: login.user,
    token,
    /** The session as the SPA stores it, to open pages already signed in. */
    session: {
      accessToken: login.access_token,
      refreshToken: login.refresh_token,
      expiresAt: Date.now() + login.expires_in * 1000,
      user: login.user,
    },
    /** @param {string} path */
    get: (path) => call("GET", path),
    /** @param {string} path @param {unknown} body */
    post: (path, body) => call("POST", path, body),
    /** @param {string} path @param {unknown} body @param {string | number} [ifMatch] */
    put: (path, body, ifMatch) => call("PUT", path, body, { ifMatch }),
    /** @param {string} path @param {unknown} body @param {string | number} ifMatch */
    patch: (path, body, ifMatch) => call("PATCH", path, body, { ifMatch }),
    call,
  };
}

/**
 * Whether the server serves `method path` yet. Probe with ids that exist: then a
 * 404 (or 405) can only mean the route itself is missing.
 * @param {string} baseUrl
 * @param {string} token
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
export async function served(baseUrl, token, method, path, body) {
  const r = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
  });
  await r.arrayBuffer();
  return r.status !== 404 && r.status !== 405;
}

/**
 * Opens the app in `page` already signed in with `session` (the login throttle
 * allows only a few sign-ins per address, so tests sign in through the form only
 * where the form is what they test).
 * @param {import("playwright-core").Page} page
 * @param {string} baseUrl
 * @param {object} session
 * @param {string} [path]
 */
export async function openSignedIn(page, baseUrl, session, path = "/accounts") {
  await page.goto(baseUrl + "/sign-in");
  await page.evaluate((value) => {
    window.localStorage.setItem("continuity.session", JSON.stringify(value));
  }, session);
  await page.goto(baseUrl + path);
  await page.locator("[data-testid=current-user]").waitFor();
}
