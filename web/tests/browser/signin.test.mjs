// Sign-in and the signed-in shell, in headless Chromium against the real server.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  horizontalOverflow,
  launchBrowser,
  screenshotPath,
  startServer,
  watchErrors,
} from "./harness.mjs";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let browser;
/**
 * The admin as the API describes them (their display name is the server's choice).
 * @type {{ id: string, email: string, display_name: string, role: string }}
 */
let admin;
/** An admin access token for API set-up calls. */
let adminAccessToken = "";

before(async () => {
  server = await startServer();
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  const body = await res.text();
  assert.equal(res.status, 200, `admin login over the API: ${res.status} ${body}`);
  admin = JSON.parse(body).user;
  adminAccessToken = JSON.parse(body).access_token;
  browser = await launchBrowser(DESKTOP);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a page in a fresh, signed-out state. */
async function freshPage(viewport = DESKTOP) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors = watchErrors(page);
  await page.goto(server.baseUrl + "/");
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(server.baseUrl + "/");
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  return { page, errors };
}

/**
 * Signs in with good credentials, waiting out the server's login throttle when this
 * file's many sign-ins as the admin trip it (the throttle has its own test).
 * @param {import("playwright-core").Page} page
 * @param {string} email
 * @param {string} password
 */
async function signInAs(page, email, password) {
  for (let attempt = 0; attempt < 4; attempt++) {
    await signIn(page, email, password);
    const signedIn = page.locator("[data-testid=current-user]");
    const throttled = page.locator("form [role=alert]", { hasText: "Too many attempts" });
    await signedIn.or(throttled).first().waitFor();
    if (await signedIn.isVisible()) return;
    const seconds = Number(/(\d+) s/.exec((await throttled.textContent()) ?? "")?.[1] ?? 12);
    await page.waitForTimeout((seconds + 1) * 1000);
  }
  throw new Error(`could not sign in as ${email}: throttled`);
}

/**
 * @param {import("playwright-core").Page} page
 * @param {string} email
 * @param {string} password
 */
async function signIn(page, email, password) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Form controls without an accessible label.
 * @param {import("playwright-core").Page} page
 */
async function unlabelledControls(page) {
  return page.evaluate(() =>
    [
      .../** @type {NodeListOf<HTMLInputElement>} */ (
        document.querySelectorAll("input, select, textarea")
      ),
    ]
      .filter((el) => el.getAttribute("type") !== "hidden")
      .filter(
        (el) =>
          !(el.labels && el.labels.length > 0) &&
          !el.getAttribute("aria-label") &&
          !el.getAttribute("aria-labelledby"),
      )
      .map((el) => el.outerHTML),
  );
}

describe("sign-in", () => {
  test("an unknown path while signed out lands on the sign-in form", async () => {
    const { page, errors } = await freshPage();
    await page.goto(server.baseUrl + "/risk");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/sign-in");
    assert.deepEqual(await unlabelledControls(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a wrong password shows the error next to the form", async () => {
    const { page, errors } = await freshPage();
    await signIn(page, server.adminEmail, "definitely-not-the-password");
    const alert = page.locator("form [role=alert]");
    await alert.waitFor();
    assert.equal((await alert.textContent())?.trim(), "Wrong email or password.");
    // The password is cleared and focused for the next try; the email is kept.
    assert.equal(await page.getByLabel("Password").inputValue(), "");
    assert.equal(await page.getByLabel("Email").inputValue(), server.adminEmail);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute("name")),
      "password",
    );
    // Still signed out.
    assert.equal(await page.locator("[data-testid=current-user]").count(), 0);

    await page.screenshot({ path: screenshotPath("signin-error-1280"), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: screenshotPath("signin-error-375"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("empty fields are reported next to each field without calling the server", async () => {
    const { page } = await freshPage();
    let loginCalls = 0;
    page.on("request", (req) => {
      if (req.url().endsWith("/api/v1/auth/login")) loginCalls += 1;
    });
    await page.getByRole("button", { name: "Sign in" }).click();
    const email = page.getByLabel("Email");
    assert.equal(await email.getAttribute("aria-invalid"), "true");
    const describedBy = await email.getAttribute("aria-describedby");
    assert.ok(describedBy, "the email input points at its error");
    assert.equal(
      (await page.locator(`[id="${describedBy}"]`).textContent())?.trim(),
      "Enter your email address.",
    );
    assert.equal(loginCalls, 0);
    await page.close();
  });

  test("keyboard focus is visible on the form controls", async () => {
    const { page } = await freshPage();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return null;
      const style = getComputedStyle(el);
      return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    assert.ok(focused, "something has focus");
    assert.notEqual(focused.outline, "none", `focused ${focused.tag} shows an outline`);
    assert.notEqual(focused.width, "0px");
    await page.close();
  });
});

describe("signed-in shell", () => {
  test("the admin signs in, lands on the risk dashboard and sees the Admin navigation", async () => {
    const { page, errors } = await freshPage();
    await signInAs(page, server.adminEmail, server.adminPassword);

    const who = page.locator("[data-testid=current-user]");
    await who.waitFor();
    assert.match((await who.textContent()) ?? "", new RegExp(escape(admin.display_name)));
    await page.waitForURL((url) => url.pathname === "/risk");

    const nav = page.getByRole("navigation", { name: "Main" });
    const links = await nav.getByRole("link").allTextContents();
    assert.deepEqual(
      links.map((l) => l.trim()),
      [
        "Accounts",
        "Risk dashboard",
        "Client events",
        "Campaigns",
        "People & exposure",
        "What-if",
        "Departures",
        "Admin: users & teams",
      ],
    );
    await page.getByRole("heading", { level: 1, name: "Risk dashboard" }).waitFor();
    await page.locator(".empty-state, .tiles, .banner-error").first().waitFor();
    assert.equal(await page.locator(".banner-error").count(), 0, await bannerText(page));
    assert.deepEqual(await unlabelledControls(page), []);

    await page.screenshot({ path: screenshotPath("shell-accounts-1280"), fullPage: true });

    // A reload keeps the session.
    await page.reload();
    await who.waitFor();
    assert.match((await who.textContent()) ?? "", new RegExp(escape(admin.display_name)));

    // Narrow screen: the navigation folds behind a menu button.
    await page.setViewportSize(PHONE);
    const menu = page.getByRole("button", { name: "Open menu" });
    await menu.waitFor();
    await nav.waitFor({ state: "hidden" });
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 375 px");
    await page.screenshot({ path: screenshotPath("shell-accounts-375"), fullPage: true });
    await menu.click();
    await nav.getByRole("link", { name: "Admin: users & teams" }).waitFor({ state: "visible" });
    await page.waitForFunction(() => {
      const el = document.getElementById("primary-nav");
      return el !== null && getComputedStyle(el).transform === "none";
    });
    await page.screenshot({ path: screenshotPath("shell-menu-375") });
    await nav.getByRole("link", { name: "Admin: users & teams" }).click();
    await page.getByRole("heading", { level: 1, name: "Users & teams" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/admin");
    await nav.waitFor({ state: "hidden" }); // the menu closes after navigating

    assert.deepEqual(errors, []);
    await page.close();
  });

  test("every admin page opens with content, an empty state or an honest 'not available yet'", async () => {
    const { page, errors } = await freshPage();
    await signInAs(page, server.adminEmail, server.adminPassword);
    await page.locator("[data-testid=current-user]").waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    const pages = [
      ["Risk dashboard", "Risk dashboard", "/risk"],
      ["People & exposure", "People & exposure", "/people"],
      ["What-if", "What-if", "/what-if"],
      ["Departures", "Departures", "/departures"],
      ["Admin: users & teams", "Users & teams", "/admin"],
      ["Accounts", "Accounts", "/accounts"],
    ];
    for (const [link, heading, path] of pages) {
      const name = `page-${path.slice(1)}-1280`;
      await nav.getByRole("link", { name: link }).click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      assert.equal(new URL(page.url()).pathname, path);
      await page.locator(".loading").first().waitFor({ state: "detached", timeout: 10_000 });
      const text = (await page.locator("#main").textContent()) ?? "";
      assert.doesNotMatch(text, /coming soon/i);
      assert.equal(
        await page.locator(".banner-error").count(),
        0,
        `${path}: ${await bannerText(page)}`,
      );
      assert.equal(
        await page.locator("[aria-current=page]").textContent(),
        link,
        `${path} is marked current`,
      );
      await page.screenshot({ path: screenshotPath(name), fullPage: true });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("signing out returns to the sign-in form and forgets the session", async () => {
    const { page, errors } = await freshPage();
    await signInAs(page, server.adminEmail, server.adminPassword);
    await page.locator("[data-testid=current-user]").waitFor();
    const refreshToken = await page.evaluate(
      () => JSON.parse(window.localStorage.getItem("continuity.session") ?? "{}").refreshToken,
    );
    assert.ok(refreshToken, "the session is stored");

    // Signing out is in the user menu, beside the language.
    await page.getByTestId("current-user").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    assert.equal(
      await page.evaluate(() => window.localStorage.getItem("continuity.session")),
      null,
    );

    // The refresh token was revoked on the server.
    const res = await fetch(`${server.baseUrl}/api/v1/auth/refresh`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refresh_token: refreshToken }),
    });
    assert.equal(res.status, 401);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("session", () => {
  test("a deep link opened while signed out is shown after signing in", async () => {
    const { page, errors } = await freshPage();
    await page.goto(server.baseUrl + "/admin");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await signInAs(page, server.adminEmail, server.adminPassword);
    await page.getByRole("heading", { level: 1, name: "Users & teams" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/admin");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a rejected access token is refreshed transparently and the refresh token rotates", async () => {
    const { page, errors } = await freshPage();
    await signInAs(page, server.adminEmail, server.adminPassword);
    await page.locator("[data-testid=current-user]").waitFor();
    const before = await storedSession(page);

    // Spoil the access token but keep it "unexpired", so only the server's 401 reveals it.
    await page.evaluate(() => {
      const s = JSON.parse(window.localStorage.getItem("continuity.session") ?? "{}");
      s.accessToken = "not-a-valid-token";
      s.expiresAt = Date.now() + 3_600_000;
      window.localStorage.setItem("continuity.session", JSON.stringify(s));
    });
    /** @type {string[]} */
    const apiCalls = [];
    page.on("response", (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith("/api/")) apiCalls.push(`${url.pathname} ${res.status()}`);
    });
    await page.reload();
    await page.locator("[data-testid=current-user]").waitFor();
    await page.getByRole("heading", { level: 1, name: "Risk dashboard" }).waitFor();

    assert.deepEqual(apiCalls.slice(0, 3), [
      "/api/v1/me 401",
      "/api/v1/auth/refresh 200",
      "/api/v1/me 200",
    ]);
    const after = await storedSession(page);
    assert.notEqual(after.refreshToken, before.refreshToken, "the refresh token rotated");
    assert.notEqual(after.accessToken, "not-a-valid-token");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("an ended session sends the user back to sign in with a notice", async () => {
    const { page, errors } = await freshPage();
    await signInAs(page, server.adminEmail, server.adminPassword);
    await page.locator("[data-testid=current-user]").waitFor();
    await page.evaluate(() => {
      const s = JSON.parse(window.localStorage.getItem("continuity.session") ?? "{}");
      s.accessToken = "not-a-valid-token";
      s.refreshToken = "not-a-valid-refresh-token";
      window.localStorage.setItem("continuity.session", JSON.stringify(s));
    });
    await page.reload();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByText("Your session has ended. Please sign in again.").waitFor();
    assert.equal(
      await page.evaluate(() => window.localStorage.getItem("continuity.session")),
      null,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("too many attempts shows the wait from Retry-After and disables the button", async () => {
    const { page, errors } = await freshPage();
    // The server's limiter is exercised in rate-limit.test.mjs; here the answer is fixed
    // so the countdown can be checked exactly.
    await page.route("**/api/v1/auth/login", (route) =>
      route.fulfill({
        status: 429,
        headers: { "content-type": "application/problem+json", "retry-after": "30" },
        body: JSON.stringify({ type: "about:blank", title: "Too Many Requests", status: 429 }),
      }),
    );
    await signIn(page, server.adminEmail, "whatever-password");
    const alert = page.locator("form [role=alert]");
    await alert.waitFor();
    assert.match(
      (await alert.textContent()) ?? "",
      /^Too many attempts, try again in (30|29) s\.$/,
    );
    assert.equal(await page.getByRole("button", { name: "Sign in" }).isDisabled(), true);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("roles", () => {
  test("a member sees only Accounts and client events, and the admin page is refused", async (t) => {
    const member = await createUser(t, "member");
    if (!member) return;
    const { page, errors } = await freshPage();
    await signIn(page, member.email, member.password);
    const who = page.locator("[data-testid=current-user]");
    await who.waitFor();
    assert.match((await who.textContent()) ?? "", /Morgan Member/);
    const nav = page.getByRole("navigation", { name: "Main" });
    assert.deepEqual(
      (await nav.getByRole("link").allTextContents()).map((l) => l.trim()),
      ["Accounts", "Client events"],
    );
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
    await page.locator(".empty-state, table").first().waitFor();
    await page.goto(server.baseUrl + "/admin");
    await page.getByText("Your role does not include this page").waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("HR sees the people pages but not administration", async (t) => {
    const hr = await createUser(t, "hr");
    if (!hr) return;
    const { page, errors } = await freshPage();
    await signIn(page, hr.email, hr.password);
    await page.locator("[data-testid=current-user]").waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    assert.deepEqual(
      (await nav.getByRole("link").allTextContents()).map((l) => l.trim()),
      [
        "Accounts",
        "Risk dashboard",
        "Client events",
        "Campaigns",
        "People & exposure",
        "What-if",
        "Departures",
      ],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});

/**
 * Creates a team and a user with `role` through the API as the admin. Skips the
 * calling test when the server does not offer user management yet.
 * @param {import("node:test").TestContext} t
 * @param {"member" | "hr" | "sales_lead"} role
 */
async function createUser(t, role) {
  const token = adminAccessToken;
  /** @param {string} path @param {unknown} body */
  const post = (path, body) =>
    fetch(`${server.baseUrl}/api/v1${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const team = await post("/teams", { name: `Team ${role} ${Date.now()}` });
  if (team.status === 404 || team.status === 405) {
    t.skip(`POST /api/v1/teams answers ${team.status}: user management not served yet`);
    return null;
  }
  assert.equal(team.status, 201, `POST /teams: ${await team.clone().text()}`);
  const teamId = (await team.json()).id;
  const email = `${role}.${Date.now()}@example.com`;
  const password = `Pw-${role}-${Math.random().toString(36).slice(2)}-long`;
  const names = { member: "Morgan Member", hr: "Harper Hr", sales_lead: "Sasha Lead" };
  const user = await post("/users", {
    email,
    display_name: names[role],
    role,
    team_id: teamId,
    password,
  });
  if (user.status === 404 || user.status === 405) {
    t.skip(`POST /api/v1/users answers ${user.status}: user management not served yet`);
    return null;
  }
  assert.equal(user.status, 201, `POST /users: ${await user.clone().text()}`);
  return { email, password };
}

/** @param {import("playwright-core").Page} page */
async function storedSession(page) {
  return page.evaluate(() => JSON.parse(window.localStorage.getItem("continuity.session") ?? "{}"));
}

/** @param {string} s */
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** @param {import("playwright-core").Page} page */
async function bannerText(page) {
  const banners = await page.locator(".banner-error").allTextContents();
  return banners.join(" | ");
}
