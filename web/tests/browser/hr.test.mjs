// HR's ranking of people, cancelling a departure plan, holders who leave together, and where
// each role lands after signing in — in headless Chromium against the real server.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { apiAs, openSignedIn } from "./api.mjs";
import {
  horizontalOverflow,
  launchBrowser,
  screenshotPath,
  startServer,
  watchErrors,
} from "./harness.mjs";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let browser;
/** @type {Awaited<ReturnType<typeof apiAs>>} */
let admin;
/** @type {Awaited<ReturnType<typeof apiAs>>} */
let hr;
/** @type {Record<string, string>} */
const users = {};
/** @type {Record<string, string>} */
const accounts = {};
/** @type {Record<string, string>} */
const plans = {};

const money = (/** @type {number} */ minor, locale = "en-GB") =>
  new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(minor / 100);

/** A date `days` from today, as the API writes it. */
const inDays = (/** @type {number} */ days) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

before(async () => {
  server = await startServer();
  admin = await apiAs(server.baseUrl, server.adminEmail, server.adminPassword);
  const team = (await admin.post("/teams", { name: "Corporate" })).id;
  const people = [
    ["ada", "Ada Alone", "member"],
    ["ben", "Ben Backup", "member"],
    ["cleo", "Cleo Cancelled", "member"],
    ["dora", "Dora Dairy", "member"],
    ["ed", "Ed Dairy", "member"],
    ["lead", "Lee Lead", "sales_lead"],
    ["hr", "Harper Hr", "hr"],
  ];
  for (const [key, name, role] of people) {
    const u = await admin.post("/users", {
      email: `${key}@example.com`,
      display_name: name,
      role,
      team_id: role === "hr" ? null : team,
      password: `${key}-Password-123`,
    });
    users[key] = u.id;
  }
  const book = [
    ["atlas", "Atlas Shipping", 300_000_00, ["ada"]],
    ["borealis", "Borealis Energy", 200_000_00, ["ada", "ben"]],
    ["cobalt", "Cobalt Retail", 80_000_00, ["cleo"]],
    ["dijkstra", "Dijkstra Dairy", 150_000_00, ["dora", "ed"]],
    ["elm", "Elm Logistics", 40_000_00, ["ben"]],
  ];
  for (const [key, name, value, holders] of book) {
    const a = await admin.post("/accounts", {
      name,
      tier: "A",
      region: "North",
      team_id: team,
      annual_value_minor: value,
      currency: "EUR",
    });
    accounts[/** @type {string} */ (key)] = a.id;
    const ids = /** @type {string[]} */ (holders).map((h) => users[h]);
    for (const [i, id] of ids.entries()) {
      await admin.put(`/accounts/${a.id}/team/${id}`, {
        role: i === 0 ? "owner" : "co_owner",
        access: "edit",
      });
    }
    const contact = await admin.post(`/accounts/${a.id}/contacts`, {
      name: `${String(name).split(" ")[0]} Contact`,
      job_title: "CEO",
      email: null,
      phone: null,
      influence: "decision_maker",
    });
    await admin.post(`/accounts/${a.id}/interactions`, {
      kind: "meeting",
      occurred_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      summary: "Annual review",
      employee_ids: ids,
      contact_ids: [contact.id],
      on_behalf_of: "person",
    });
  }
  // Dora and Ed, Dijkstra's two holders, both leave; Cleo's plan is to be cancelled.
  hr = await apiAs(server.baseUrl, "hr@example.com", "hr-Password-123");
  plans.dora = (await hr.post("/departures", { user_id: users.dora, leave_date: inDays(60) })).id;
  plans.ed = (await hr.post("/departures", { user_id: users.ed, leave_date: inDays(60) })).id;
  plans.cleo = (await hr.post("/departures", { user_id: users.cleo, leave_date: inDays(90) })).id;
  browser = await launchBrowser(DESKTOP);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * @param {{ session: object }} who
 * @param {string} path
 */
async function open(who, path, viewport = DESKTOP) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors = watchErrors(page);
  await openSignedIn(page, server.baseUrl, who.session, path);
  await page.locator(".loading").first().waitFor({ state: "detached", timeout: 10_000 });
  return { page, errors };
}

/**
 * Screenshots of the page at 1280 and 390 px, in English and Dutch, after checking that
 * nothing scrolls sideways on the phone.
 * @param {import("playwright-core").Page} page
 * @param {string} name
 * @param {() => Promise<unknown>} ready
 */
async function shots(page, name, ready) {
  for (const language of ["en", "nl"]) {
    await page.evaluate(
      (lang) => window.localStorage.setItem("continuity.language", lang),
      language,
    );
    await page.setViewportSize(DESKTOP);
    await page.reload();
    await ready();
    await page.screenshot({ path: screenshotPath(`${name}-${language}-1280`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    assert.equal(
      await horizontalOverflow(page),
      false,
      `${name} (${language}): no sideways scrolling`,
    );
    await page.screenshot({ path: screenshotPath(`${name}-${language}-390`), fullPage: true });
  }
  await page.evaluate(() => window.localStorage.setItem("continuity.language", "en"));
}

/** The names in the ranking, top to bottom. @param {import("playwright-core").Page} page */
async function rankedNames(page) {
  return (await page.getByTestId("people-table").locator("tbody th a").allTextContents()).map((t) =>
    t.trim(),
  );
}

/** @param {{ display_name: string }[]} items */
const names = (items) => items.map((p) => p.display_name);

describe("HR's people ranking", () => {
  test("sorts by value held alone and opens the top person", async () => {
    const byValue = await hr.get("/exposure/people?sort=-orphaned_value_minor");
    const ascending = await hr.get("/exposure/people?sort=orphaned_value_minor");
    // The seeded figures: Ada holds Atlas alone; Dora and Ed each hold Dijkstra with only
    // a leaver beside them, so each holds it alone.
    assert.equal(byValue.items[0].display_name, "Ada Alone");
    assert.notDeepEqual(names(byValue.items), names(ascending.items));

    const { page, errors } = await open(hr, "/people");
    await page.getByRole("heading", { level: 1, name: "People & exposure" }).waitFor();
    const table = page.getByTestId("people-table");
    await table.waitFor();
    assert.deepEqual(await rankedNames(page), names(byValue.items));

    // A click on the column heading turns the order round, a second click back.
    const heading = table.getByRole("button", { name: /Value held alone/ });
    await heading.click();
    await page.waitForFunction(
      (first) =>
        document.querySelector("[data-testid=people-table] tbody th a")?.textContent === first,
      ascending.items[0].display_name,
    );
    assert.deepEqual(await rankedNames(page), names(ascending.items));
    assert.equal(await table.locator("th[aria-sort=ascending]").textContent(), "Value held alone▲");
    await heading.click();
    await page.waitForFunction(
      (first) =>
        document.querySelector("[data-testid=people-table] tbody th a")?.textContent === first,
      byValue.items[0].display_name,
    );
    assert.deepEqual(await rankedNames(page), names(byValue.items));
    const top = byValue.items[0];
    const topRow = table.locator("tbody tr").first();
    // The ranking writes figures compactly ("€300k"); the person's page in full.
    assert.equal(
      (await topRow.getByTestId("rank-orphaned").textContent())?.trim(),
      `€${Math.round(top.orphaned_value_minor / 100_000)}k`,
    );
    assert.equal(top.unprotected, true, "Ada has no non-solicitation clause");
    await topRow.getByText("Unprotected").waitFor();

    // Filters: only the unprotected, and a name search.
    await page.getByLabel("Only the unprotected").check();
    const unprotected = await hr.get("/exposure/people?unprotected=true");
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=people-table] tbody tr").length === n,
      unprotected.items.length,
    );
    await page.getByLabel("Only the unprotected").uncheck();
    await page.getByLabel("Search people").fill("Dairy");
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=people-table] tbody tr").length === 2,
    );
    await page.getByLabel("Search people").fill("");
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=people-table] tbody tr").length === n,
      byValue.items.length,
    );

    // The top person's page shows their own figures.
    const exposure = await hr.get(`/users/${top.user_id}/exposure`);
    await table.getByRole("link", { name: top.display_name }).click();
    await page.getByRole("heading", { level: 1, name: top.display_name }).waitFor();
    await page.getByTestId("exposure-accounts").waitFor();
    assert.equal(
      (await page.getByTestId("orphaned-value").textContent())?.trim(),
      money(exposure.orphaned_value_minor),
    );
    assert.equal(exposure.orphaned_value_minor, top.orphaned_value_minor);
    assert.equal(
      await page.getByTestId("exposure-accounts").locator("tbody tr").count(),
      exposure.accounts.length,
    );
    assert.deepEqual(errors, []);

    await page.goto(`${server.baseUrl}/people`);
    await shots(page, "hrui-people", () => page.getByTestId("people-table").waitFor());
    await page.close();
  });

  test("a person's page names the other holders who are leaving too", async () => {
    const exposure = await hr.get(`/users/${users.dora}/exposure`);
    const dijkstra = exposure.accounts.find(
      (/** @type {{ account_id: string }} */ a) => a.account_id === accounts.dijkstra,
    );
    assert.deepEqual(
      dijkstra.other_holders_leaving.map(
        (/** @type {{ display_name: string }} */ h) => h.display_name,
      ),
      ["Ed Dairy"],
    );
    const { page, errors } = await open(hr, `/people/${users.dora}`);
    const row = page.getByTestId("exposure-accounts").locator("tr", { hasText: "Dijkstra Dairy" });
    const note = row.getByTestId("other-holders-leaving");
    await note.waitFor();
    assert.match(
      (await note.textContent()) ?? "",
      /Its only other holder is leaving too: Ed Dairy/,
    );
    assert.deepEqual(errors, []);
    await shots(page, "hrui-person", () => page.getByTestId("other-holders-leaving").waitFor());
    await page.close();
  });
});

describe("departure board", () => {
  test("a handover whose other holders all leave says so and names them", async () => {
    const { page, errors } = await open(hr, `/departures/${plans.dora}`);
    const card = page.getByTestId("handover-board").locator("li", { hasText: "Dijkstra Dairy" });
    await card.getByTestId("other-holders-leaving").waitFor();
    assert.match(
      (await card.getByTestId("other-holders-leaving").textContent()) ?? "",
      /Its only other holder is leaving too: Ed Dairy \(leaves /,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("HR cancels a plan with a reason and it shows as cancelled", async () => {
    const { page, errors } = await open(hr, `/departures/${plans.cleo}`);
    await page.getByRole("heading", { level: 1, name: /Cleo Cancelled leaves/ }).waitFor();
    await page.getByRole("button", { name: "Cancel plan" }).click();
    const form = page.getByRole("form", { name: "Cancel this departure plan" });
    // Without a reason the server's 422 appears under the field, and nothing changes.
    await form.getByRole("button", { name: "Cancel the plan" }).click();
    const reason = form.getByLabel("Reason for cancelling");
    await page.waitForFunction(
      () => document.querySelector("input[name=reason]")?.getAttribute("aria-invalid") === "true",
    );
    assert.equal((await hr.get(`/departures/${plans.cleo}`)).status, "open");
    await reason.fill("Cleo withdrew her notice");
    await form.getByRole("button", { name: "Cancel the plan" }).click();
    const banner = page.getByTestId("plan-cancelled");
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? "", /Reason: Cleo withdrew her notice/);
    await page.getByRole("button", { name: "Cancel plan" }).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Apply plan" }).waitFor({ state: "detached" });
    const plan = await hr.get(`/departures/${plans.cleo}`);
    assert.equal(plan.status, "cancelled");
    assert.equal(plan.cancel_reason, "Cleo withdrew her notice");

    // The list shows it as cancelled.
    await page.goto(`${server.baseUrl}/departures`);
    const row = page.getByTestId("plans-table").locator("tr", { hasText: "Cleo Cancelled" });
    await row.getByText("Cancelled", { exact: true }).waitFor();
    assert.deepEqual(errors, []);
    await page.goto(`${server.baseUrl}/departures/${plans.cleo}`);
    await shots(page, "hrui-departure-cancelled", () =>
      page.getByTestId("plan-cancelled").waitFor(),
    );
    await page.goto(`${server.baseUrl}/departures/${plans.dora}`);
    await shots(page, "hrui-departure-board", () =>
      page.getByTestId("other-holders-leaving").first().waitFor(),
    );
    await page.close();
  });

  test("cancelling a plan twice answers the server's 409", async () => {
    const second = await hr.post("/departures", { user_id: users.ben, leave_date: inDays(120) });
    const { page, errors } = await open(hr, `/departures/${second.id}`);
    await page.getByRole("button", { name: "Cancel plan" }).click();
    // Someone else cancels it meanwhile.
    await hr.call(
      "POST",
      `/departures/${second.id}/cancel`,
      { reason: "Elsewhere" },
      { ifMatch: second.version },
    );
    const form = page.getByRole("form", { name: "Cancel this departure plan" });
    await form.getByLabel("Reason for cancelling").fill("Changed our mind");
    await form.getByRole("button", { name: "Cancel the plan" }).click();
    await form.locator(".banner").waitFor();
    assert.equal((await hr.get(`/departures/${second.id}`)).cancel_reason, "Elsewhere");
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("where people land", () => {
  test("a member lands on their accounts, most exposed first, with what rests on them", async () => {
    const ada = await apiAs(server.baseUrl, "ada@example.com", "ada-Password-123");
    const exposure = await ada.get(`/users/${users.ada}/exposure`);
    const mine = await ada.get("/accounts?sort=-exposure");
    const stale = await ada.get("/accounts?flag=stale");
    const { page, errors } = await open(ada, "/");
    await page.waitForURL(
      (url) => url.pathname === "/accounts" && url.search === "?sort=-exposure",
    );
    const panel = page.getByTestId("rests-on-you");
    await panel.getByRole("heading", { name: "What rests on you" }).waitFor();
    await panel.getByTestId("my-orphaned-value").waitFor();
    assert.equal(
      (await panel.getByTestId("my-orphaned-value").textContent())?.trim(),
      money(exposure.orphaned_value_minor),
    );
    assert.ok(exposure.orphaned_value_minor > 0);
    assert.equal(
      (await panel.getByTestId("my-stale-count").textContent())?.trim(),
      String(stale.items.length),
    );
    assert.equal(
      (await panel.getByTestId("my-handovers-owed").textContent())?.trim(),
      String(exposure.handovers_owed.length),
    );
    await page.getByTestId("accounts-table").waitFor();
    assert.deepEqual(
      (await page.getByTestId("accounts-table").locator("tbody th a").allTextContents()).map((t) =>
        t.trim(),
      ),
      mine.items.map((/** @type {{ name: string }} */ a) => a.name),
    );
    assert.equal(await page.getByLabel("Sort by").inputValue(), "-exposure");
    // The last conversation with a client contact is in the list.
    const first = mine.items[0];
    assert.ok(first.last_contact_at, "a meeting with a contact was logged");
    assert.equal(
      (
        await page
          .getByTestId("accounts-table")
          .locator("tbody tr")
          .first()
          .getByTestId("last-contact")
          .textContent()
      )?.trim(),
      new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(
        new Date(first.last_contact_at),
      ),
    );
    assert.deepEqual(errors, []);
    await shots(page, "hrui-member-landing", () => page.getByTestId("my-orphaned-value").waitFor());
    await page.close();
  });

  test("a sales lead and HR land on the risk dashboard, which shows the value already leaving", async () => {
    const lead = await apiAs(server.baseUrl, "lead@example.com", "lead-Password-123");
    for (const who of [lead, hr]) {
      const { page, errors } = await open(who, "/");
      await page.waitForURL((url) => url.pathname === "/risk");
      await page.getByRole("heading", { level: 1, name: "Risk dashboard" }).waitFor();
      assert.deepEqual(errors, []);
      await page.close();
    }
    const summary = await hr.get("/risk/summary");
    assert.ok(
      summary.truck_factor.already_leaving_value_minor > 0,
      "Dijkstra's holders both leave",
    );
    const { page } = await open(hr, "/risk");
    const tile = page.getByTestId("already-leaving-value");
    await tile.waitFor();
    // Compact, as the other tiles: "€270k" for 270,000.
    const thousands = Math.round(summary.truck_factor.already_leaving_value_minor / 100_000);
    assert.match((await tile.textContent()) ?? "", new RegExp(`^€${thousands}(\\.0)?k$`));
    await shots(page, "hrui-risk", () => page.getByTestId("already-leaving-value").waitFor());
    await page.close();
  });
});
