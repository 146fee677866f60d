// The risk dashboard and HR's pages (people and exposure, what-if), in headless Chromium
// against the real server.
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
/** @type {Awaited<ReturnType<typeof apiAs>>} */
let lead;
const firm = {
  teamId: "",
  otherTeamId: "",
  /** @type {Record<string, string>} */
  users: {},
  /** @type {Record<string, string>} */
  accounts: {},
};

before(async () => {
  server = await startServer();
  admin = await apiAs(server.baseUrl, server.adminEmail, server.adminPassword);
  firm.teamId = (await admin.post("/teams", { name: "Corporate" })).id;
  firm.otherTeamId = (await admin.post("/teams", { name: "Retail" })).id;
  const people = [
    ["ada", "Ada Owner", "member", firm.teamId],
    ["ben", "Ben Backup", "member", firm.teamId],
    ["cleo", "Cleo Retail", "member", firm.otherTeamId],
    ["lead", "Lee Lead", "sales_lead", firm.teamId],
    ["hr", "Harper Hr", "hr", null],
  ];
  for (const [key, name, role, team] of people) {
    const u = await admin.post("/users", {
      email: `${key}@example.com`,
      display_name: name,
      role,
      team_id: team,
      password: `${key}-Password-123`,
    });
    firm.users[/** @type {string} */ (key)] = u.id;
  }
  const accounts = [
    ["atlas", "Atlas Shipping", "A", 300_000_00, firm.teamId, ["ada"]],
    ["borealis", "Borealis Energy", "A", 200_000_00, firm.teamId, ["ada", "ben"]],
    ["cobalt", "Cobalt Retail", "B", 80_000_00, firm.otherTeamId, ["cleo"]],
    ["dune", "Dune Foods", "C", 20_000_00, firm.teamId, []],
  ];
  for (const [key, name, tier, value, team, owners] of accounts) {
    const a = await admin.post("/accounts", {
      name,
      tier,
      region: "North",
      team_id: team,
      annual_value_minor: value,
      currency: "EUR",
    });
    firm.accounts[/** @type {string} */ (key)] = a.id;
    for (const [i, owner] of /** @type {string[]} */ (owners).entries()) {
      await admin.put(`/accounts/${a.id}/team/${firm.users[owner]}`, {
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
    if (/** @type {string[]} */ (owners).length > 0) {
      await admin.post(`/accounts/${a.id}/interactions`, {
        kind: "meeting",
        occurred_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        summary: "Annual review",
        employee_ids: [firm.users[/** @type {string[]} */ (owners)[0]]],
        contact_ids: [contact.id],
        on_behalf_of: "person",
      });
    }
  }
  hr = await apiAs(server.baseUrl, "hr@example.com", "hr-Password-123");
  lead = await apiAs(server.baseUrl, "lead@example.com", "lead-Password-123");
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

describe("risk dashboard", () => {
  test("shows counts per flag, value by band, top exposed accounts and the truck factor", async () => {
    const summary = await admin.get("/risk/summary");
    const { page, errors } = await open(admin, "/risk");
    await page.getByRole("heading", { level: 1, name: "Risk dashboard" }).waitFor();
    const counts = page.getByTestId("flag-counts");
    await counts.waitFor();
    const noOwner = counts.locator("tr", { hasText: "No owner" });
    assert.equal(
      (await noOwner.locator("td").textContent())?.trim(),
      String(summary.flag_counts.no_owner),
    );
    // Each flag links to the accounts raising it.
    assert.match(
      (await noOwner.getByRole("link").getAttribute("href")) ?? "",
      /^\/accounts\?flag=no_owner/,
    );
    await page.getByTestId("band-chart").locator("canvas").waitFor();
    const top = page.getByTestId("top-exposed");
    const topNames = (await top.locator("tbody th a").allTextContents()).map((t) => t.trim());
    assert.deepEqual(
      topNames,
      summary.top_exposed.map((/** @type {{ name: string }} */ a) => a.name),
    );
    assert.equal(
      (await page.getByTestId("truck-factor").textContent())?.trim(),
      String(summary.truck_factor.size),
    );
    const order = (await page.getByTestId("truck-order").locator("li").allTextContents()).map((t) =>
      t.trim(),
    );
    assert.equal(order.length, summary.truck_factor.order.length);
    assert.ok(order.includes("Ada Owner"), `Ada holds most value alone: ${order}`);
    await page.screenshot({ path: screenshotPath("risk-1280"), fullPage: true });

    // The team filter narrows every figure to one team.
    await page.getByLabel("Team", { exact: true }).selectOption({ label: "Retail" });
    await top.locator("tbody tr").first().waitFor();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll("[data-testid=top-exposed] tbody th a")]
          .map((a) => a.textContent)
          .join() === "Cobalt Retail",
    );

    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400);
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.screenshot({ path: screenshotPath("risk-390"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a flag's count opens the accounts raising it", async () => {
    const { page, errors } = await open(admin, "/risk");
    await page.getByTestId("flag-counts").getByRole("link", { name: "No owner" }).click();
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
    assert.equal(await page.getByLabel("Flag", { exact: true }).inputValue(), "no_owner");
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll("[data-testid=accounts-table] tbody th a")]
          .map((a) => a.textContent)
          .join() === "Dune Foods",
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a sales lead opens the dashboard of the teams they lead", async () => {
    const { page, errors } = await open(lead, "/risk");
    await page.getByRole("heading", { level: 1, name: "Risk dashboard" }).waitFor();
    // Leading no team yet, they see an empty dashboard rather than an error.
    await page.locator(".tiles, .empty-state").first().waitFor();
    assert.equal(await page.locator(".banner-error").count(), 0);
    const nav = page.getByRole("navigation", { name: "Main" });
    assert.deepEqual(
      (await nav.getByRole("link").allTextContents()).map((l) => l.trim()),
      ["Accounts", "Risk dashboard", "Client events", "Campaigns", "Departures"],
    );
    // They approve handovers but do not open plans.
    await nav.getByRole("link", { name: "Departures" }).click();
    await page.getByRole("heading", { level: 1, name: "Departures" }).waitFor();
    await page.locator(".loading").first().waitFor({ state: "detached" });
    assert.equal(await page.getByRole("button", { name: "New departure plan" }).count(), 0);
    assert.equal(await page.locator(".banner-error").count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("HR", () => {
  test("sees a person's exposure: value held alone, share-weighted exposure, clause dates", async () => {
    const exposure = await hr.get(`/users/${firm.users.ada}/exposure`);
    const { page, errors } = await open(hr, "/people");
    await page.getByRole("heading", { level: 1, name: "People & exposure" }).waitFor();
    await page.getByLabel("Search people").fill("Ada");
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=people-table] tbody tr").length === 1,
    );
    await page.getByLabel("Status").selectOption("leaving");
    await page.getByText("Nobody matches these filters").waitFor();
    await page.getByLabel("Status").selectOption("");
    await page.getByTestId("people-table").getByRole("link", { name: "Ada Owner" }).click();
    await page.getByRole("heading", { level: 1, name: "Ada Owner" }).waitFor();
    await page.getByTestId("exposure-accounts").waitFor();
    const orphaned = (await page.getByTestId("orphaned-value").textContent())?.trim();
    assert.equal(
      orphaned,
      new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(
        exposure.orphaned_value_minor / 100,
      ),
    );
    const rows = page.getByTestId("exposure-accounts").locator("tbody tr");
    assert.equal(await rows.count(), exposure.accounts.length);
    await rows.getByRole("link", { name: "Atlas Shipping" }).waitFor();
    assert.match(
      (await rows.filter({ hasText: "Atlas Shipping" }).textContent()) ?? "",
      /Sole holder/,
    );
    await page.getByLabel("Non-compete until").waitFor();
    await page.screenshot({ path: screenshotPath("person-1280"), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400);
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.screenshot({ path: screenshotPath("person-390"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("sets a leave date and agreement clauses with If-Match", async () => {
    const { page, errors } = await open(hr, `/people/${firm.users.ben}`);
    await page.getByRole("heading", { level: 1, name: "Ben Backup" }).waitFor();
    await page.getByLabel("Status", { exact: true }).selectOption("leaving");
    await page.getByLabel("Leave date").fill("2031-03-31");
    await page.getByLabel("Non-compete until").fill("2031-09-30");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    const ben = await hr.get(`/users/${firm.users.ben}`);
    assert.equal(ben.status, "leaving");
    assert.equal(ben.leave_date, "2031-03-31");
    assert.equal(ben.non_compete_until, "2031-09-30");
    // The clause dates appear beside the exposure figures.
    await page.locator(".tile-dates", { hasText: "30 Sept 2031" }).waitFor();
    await page.goto(`${server.baseUrl}/people`);
    const row = page.getByTestId("people-table").locator("tr", { hasText: "Ben Backup" });
    await row.getByText("Leaving").waitFor();
    assert.match((await row.textContent()) ?? "", /31 Mar 2031/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("runs a what-if: the leavers' orphaned accounts, value at risk, newly flagged", async () => {
    const expected = await hr.post("/simulations/departure", { user_ids: [firm.users.ada] });
    const { page, errors } = await open(hr, "/what-if");
    await page.getByRole("heading", { level: 1, name: "What-if" }).waitFor();
    await page.getByRole("button", { name: "Run what-if" }).click();
    await page.getByText("Choose at least one person").waitFor();
    await page.getByLabel("Find people").fill("ada");
    await page.getByRole("checkbox", { name: /Ada Owner/ }).check();
    await page.getByRole("button", { name: "Run what-if" }).click();
    const result = page.getByTestId("simulation");
    await result.waitFor();
    assert.equal(
      (await page.getByTestId("no-owner-count").textContent())?.trim(),
      String(expected.no_owner_account_ids.length),
    );
    await result.getByRole("link", { name: "Atlas Shipping" }).first().waitFor();
    assert.match((await result.textContent()) ?? "", /If Ada Owner leaves/);
    await page.screenshot({ path: screenshotPath("what-if-1280"), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400);
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.screenshot({ path: screenshotPath("what-if-390"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
