// The app in Dutch and in English, in headless Chromium against the real server: a browser set
// to nl-NL signs in and walks the dashboard, an account, the what-if and the departure board,
// and no English word of the interface shows (checked against the catalogues), money and dates
// are written the Dutch way; the same walk in an English browser shows no Dutch; the user menu
// switches the language and the choice survives a reload.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { apiAs } from "./api.mjs";
import {
  WEB_DIR,
  horizontalOverflow,
  launchBrowser,
  screenshotPath,
  startServer,
  watchErrors,
} from "./harness.mjs";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const DAY = 86_400_000;

/** @typedef {{ [key: string]: string | Tree }} Tree */
/** @param {string} language */
function catalogue(language) {
  return /** @type {Tree} */ (
    JSON.parse(readFileSync(path.join(WEB_DIR, "src", "i18n", `${language}.json`), "utf8"))
  );
}

/** @param {Tree} tree @returns {Map<string, string>} */
function flatten(tree, prefix = "") {
  const out = new Map();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What a page in `language` must not show: the other language's messages that differ from
 * this one's (and are no message of this language at all), as exact texts, and those with
 * placeholders as patterns (when they have two words or more to be recognised by).
 * @param {"nl" | "en"} language
 */
function foreignWords(language) {
  const own = flatten(catalogue(language));
  const other = flatten(catalogue(language === "nl" ? "en" : "nl"));
  /** @type {Set<string>} */
  const exact = new Set();
  /** @type {RegExp[]} */
  const patterns = [];
  // A word both languages use (for different messages) is no sign of the other language.
  const ownValues = new Set(own.values());
  for (const [key, value] of other) {
    if (own.get(key) === value || ownValues.has(value)) continue;
    if (!value.includes("{{")) {
      exact.add(value);
    } else if ((value.replace(/\{\{\w+\}\}/g, " ").match(/\p{L}{2,}/gu) ?? []).length >= 2) {
      const source = value
        .split(/\{\{\w+\}\}/)
        .map(escape)
        .join(".+");
      patterns.push(new RegExp(`^${source}$`, "u"));
    }
  }
  return { exact, patterns, own: ownValues };
}

/**
 * Every text a person can read on the page: visible text nodes, and the labels, titles and
 * placeholders that screen readers and tooltips show.
 * @param {import("playwright-core").Page} page
 */
function readableTexts(page) {
  return page.evaluate(() => {
    /** @type {string[]} */
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest("script, style, noscript")) continue;
      if (!parent.checkVisibility({ checkVisibilityCSS: true })) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
      for (const name of ["aria-label", "title", "placeholder"]) {
        const value = el.getAttribute(name);
        if (value && value.trim()) out.push(value.replace(/\s+/g, " ").trim());
      }
    }
    return out;
  });
}

/**
 * @param {import("playwright-core").Page} page
 * @param {"nl" | "en"} language
 * @param {string} where
 */
async function assertSpeaks(page, language, where) {
  const { exact, patterns, own } = foreignWords(language);
  const all = await readableTexts(page);
  assert.ok(all.filter((text) => own.has(text)).length >= 3, `${where}: speaks ${language}`);
  const texts = all.filter((text) => !own.has(text));
  const foreign = [
    ...new Set(texts.filter((text) => exact.has(text) || patterns.some((p) => p.test(text)))),
  ];
  assert.deepEqual(foreign, [], `${where}: words of the other language on a ${language} page`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), language);
}

/** @param {import("playwright-core").Page} page */
async function settled(page) {
  await page.locator(".loading").first().waitFor({ state: "detached", timeout: 15_000 });
}

/** @param {import("playwright-core").Page} page */
async function mainText(page) {
  return (await page.locator("main").first().innerText()).replace(/\s+/g, " ");
}

/**
 * Text that does not fit its box and is cut off (by `overflow: hidden` or an ellipsis):
 * headings, buttons, labels, table headers, badges and tiles.
 * @param {import("playwright-core").Page} page
 */
function clippedTexts(page) {
  return page.evaluate(() => {
    const selectors =
      "#main h1, #main h2, #main h3, #main button, #main label, #main th, #main .badge, " +
      "#main .flag, #main .tile-label, #main .tile-value, #main .tile-note, .nav-link";
    /** @type {string[]} */
    const out = [];
    for (const el of document.querySelectorAll(selectors)) {
      if (!(el instanceof HTMLElement) || !el.checkVisibility()) continue;
      // Text kept for screen readers only (`.sr-only`: a 1 px clipped box) is not cut off.
      if (el.closest(".sr-only") || el.getBoundingClientRect().width <= 2) continue;
      const style = getComputedStyle(el);
      const hides = style.overflowX !== "visible" || style.textOverflow === "ellipsis";
      if (hides && el.scrollWidth > el.clientWidth + 1) out.push(el.innerText.trim());
    }
    return out;
  });
}

const DUTCH_MONTH = "(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)";
const DUTCH_DATE = new RegExp(`\\b\\d{1,2} ${DUTCH_MONTH}\\.? \\d{4}\\b`);
/** "€ 1.484.567,89": a (non-breaking) space after the sign, points between thousands. */
const DUTCH_MONEY = /€\s\d{1,3}(\.\d{3})+,\d{2}\b/;
const ENGLISH_DATE = /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}\b/;
const ENGLISH_MONEY = /€\d{1,3}(,\d{3})+\.\d{2}\b/;

/** Each language's walk: the browser's locale, the words to find the way, the figures' forms. */
const WALKS = {
  nl: {
    locale: "nl-NL",
    words: {
      signIn: "Inloggen",
      dashboard: "Risicodashboard",
      departures: "Vertrek & overdracht",
      whatIf: { search: "Medewerkers zoeken", run: "Doorrekenen" },
    },
    annualValue: /€\s1\.234\.567,89 per jaar/,
    money: DUTCH_MONEY,
    date: DUTCH_DATE,
    otherDate: ENGLISH_DATE,
  },
  en: {
    locale: "en-GB",
    words: {
      signIn: "Sign in",
      dashboard: "Risk dashboard",
      departures: "Departures",
      whatIf: { search: "Find people", run: "Run what-if" },
    },
    annualValue: /€1,234,567\.89 a year/,
    money: ENGLISH_MONEY,
    date: ENGLISH_DATE,
    otherDate: DUTCH_DATE,
  },
};

/**
 * Checks a page of the walk in `language`: its words, and its money and dates where it shows
 * them.
 * @param {import("playwright-core").Page} page
 * @param {"nl" | "en"} language
 * @param {string} where
 */
async function check(page, language, where) {
  await assertSpeaks(page, language, where);
  const walk = WALKS[language];
  const text = await mainText(page);
  if (where === "account") {
    assert.match(text, walk.annualValue, `${where}: the annual value in ${language}`);
    assert.match(text, walk.date, `${where}: dates in ${language}`);
    assert.doesNotMatch(text, walk.otherDate, `${where}: no date in the other language`);
  }
  if (where === "what-if") assert.match(text, walk.money, `${where}: money in ${language}`);
  if (where === "departure board") {
    assert.match(text, walk.date, `${where}: the leave date in ${language}`);
    assert.match(text, walk.money, `${where}: money in ${language}`);
  }
}

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Awaited<ReturnType<typeof apiAs>>} */
let admin;
const firm = { accountId: "", planId: "", leaverName: "Ada Owner" };
/** The leaver's only account: Ada holds it alone, worth € 1.234.567,89 a year. */
const BAKERY = { name: "Bakkerij Jansen", value_minor: 123_456_789 };

before(async () => {
  server = await startServer();
  admin = await apiAs(server.baseUrl, server.adminEmail, server.adminPassword);
  const team = await admin.post("/teams", { name: "Zakelijk" });
  /** @type {Record<string, string>} */
  const users = {};
  for (const [key, name] of [
    ["ada", firm.leaverName],
    ["ben", "Ben Backup"],
  ]) {
    const u = await admin.post("/users", {
      email: `${key}@example.com`,
      display_name: name,
      role: "member",
      team_id: team.id,
      password: `${key}-Password-123`,
    });
    users[key] = u.id;
  }
  const accounts = [
    [BAKERY.name, "A", BAKERY.value_minor, ["ada"]],
    ["Atlas Shipping", "B", 25_000_000, ["ada", "ben"]],
    ["Dune Foods", "C", 4_000_000, []],
  ];
  for (const [name, tier, value, owners] of accounts) {
    const a = await admin.post("/accounts", {
      name,
      tier,
      region: "Noord",
      team_id: team.id,
      annual_value_minor: value,
      currency: "EUR",
    });
    if (name === BAKERY.name) firm.accountId = a.id;
    for (const [i, owner] of /** @type {string[]} */ (owners).entries()) {
      await admin.put(`/accounts/${a.id}/team/${users[owner]}`, {
        role: i === 0 ? "owner" : "co_owner",
        access: "edit",
      });
    }
    const contact = await admin.post(`/accounts/${a.id}/contacts`, {
      name: `${String(name).split(" ")[0]} Directeur`,
      job_title: "Directeur",
      influence: "decision_maker",
    });
    if (/** @type {string[]} */ (owners).length > 0) {
      await admin.post(`/accounts/${a.id}/interactions`, {
        kind: "meeting",
        occurred_at: new Date(Date.now() - 3 * DAY).toISOString(),
        summary: "Jaargesprek",
        employee_ids: [users[/** @type {string[]} */ (owners)[0]]],
        contact_ids: [contact.id],
        on_behalf_of: "person",
      });
    }
  }
  // The admin's name is data that would read as the English role "Administrator".
  const me = await admin.get(`/users/${admin.user.id}`);
  await admin.patch(`/users/${admin.user.id}`, { display_name: "Anne de Wit" }, me.version);
  const plan = await admin.post("/departures", {
    user_id: users.ada,
    leave_date: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
  });
  firm.planId = plan.id;
});

after(async () => {
  await server?.stop();
});

/**
 * Signs in through the form of a browser in the language's locale, then walks the four pages,
 * checking each.
 * @param {"nl" | "en"} language
 */
async function walk(language) {
  const { locale, words } = WALKS[language];
  const shots = `i18n-${language}`;
  const browser = await launchBrowser(DESKTOP, { locale });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByRole("heading", { level: 1, name: words.signIn }).waitFor();
    await check(page, language, "sign-in");
    await page.screenshot({ path: screenshotPath(`${shots}-sign-in-1280`) });
    await page.locator("input[name=email]").fill(server.adminEmail);
    await page.locator("input[name=password]").fill(server.adminPassword);
    await page.getByRole("button", { name: words.signIn, exact: true }).click();
    await page.locator("[data-testid=current-user]").waitFor();

    await page.goto(`${server.baseUrl}/risk`);
    await page.getByRole("heading", { level: 1, name: words.dashboard }).waitFor();
    await page.getByTestId("truck-factor").waitFor();
    await settled(page);
    await check(page, language, "dashboard");
    await page.screenshot({ path: screenshotPath(`${shots}-dashboard-1280`), fullPage: true });

    await page.goto(`${server.baseUrl}/accounts/${firm.accountId}`);
    await page.getByRole("heading", { level: 1, name: BAKERY.name }).waitFor();
    await page.getByTestId("risk-flags").waitFor();
    await settled(page);
    await check(page, language, "account");
    await page.screenshot({ path: screenshotPath(`${shots}-account-1280`), fullPage: true });

    for (const [name, url] of [
      ["dashboard", "/risk"],
      ["account", `/accounts/${firm.accountId}`],
    ]) {
      await page.setViewportSize(PHONE);
      await page.goto(`${server.baseUrl}${url}`);
      await page.locator("h1").first().waitFor();
      await settled(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(`${shots}-${name}-390`), fullPage: true });
      assert.equal(
        await horizontalOverflow(page),
        false,
        `${name}: no sideways scrolling at 390 px`,
      );
      assert.deepEqual(await clippedTexts(page), [], `${name}: nothing cut off at 390 px`);
      await page.setViewportSize(DESKTOP);
      assert.deepEqual(await clippedTexts(page), [], `${name}: nothing cut off at 1280 px`);
    }

    await page.goto(`${server.baseUrl}/what-if`);
    await page.getByLabel(words.whatIf.search).fill("Ada");
    await page.getByRole("checkbox", { name: new RegExp(firm.leaverName) }).check();
    await page.getByRole("button", { name: words.whatIf.run }).click();
    await page.getByTestId("simulation").waitFor();
    await settled(page);
    await check(page, language, "what-if");

    await page.goto(`${server.baseUrl}/departures/${firm.planId}`);
    await page.getByRole("heading", { level: 1, name: new RegExp(firm.leaverName) }).waitFor();
    await page.getByTestId("handover-board").waitFor();
    await settled(page);
    await check(page, language, "departure board");
    assert.match(await page.title(), new RegExp(words.departures));
    assert.deepEqual(errors, []);
    return { browser, page, errors };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

describe("the app in the user's language", () => {
  test("a Dutch browser gets the whole walk in Dutch, with Dutch money and dates", async () => {
    const { exact } = foreignWords("nl");
    assert.ok(exact.has("Risk dashboard") && exact.has("Sign in"), "the check knows English");
    const { browser, page, errors } = await walk("nl");
    try {
      // The user menu switches to English; the choice survives a reload.
      await page.getByTestId("current-user").click();
      await page.screenshot({ path: screenshotPath("i18n-nl-user-menu-1280") });
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { level: 2, name: "Needs a successor" }).waitFor();
      await settled(page);
      await assertSpeaks(page, "en", "departure board after switching");
      await page.reload();
      await page.getByRole("heading", { level: 2, name: "Needs a successor" }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  test("an English browser gets the same walk in English, with English money and dates", async () => {
    const { browser, errors } = await walk("en");
    assert.deepEqual(errors, []);
    await browser.close();
  });
});
