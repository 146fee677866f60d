// Client events, the client network, campaigns with the equal-treatment check, and the
// dashboard's untied value and open complaints, in headless Chromium against the real server.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { apiAs, openSignedIn, served } from "./api.mjs";
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
let lead;
/** @type {Awaited<ReturnType<typeof apiAs>>} */
let hr;
let hasEvents = false;
let hasCampaigns = false;
let hasNetwork = false;
const firm = {
  teamId: "",
  /** @type {Record<string, string>} */
  users: {},
  /** @type {Record<string, { id: string, name: string, contactId: string, contactName: string }>} */
  accounts: {},
};

before(async () => {
  server = await startServer();
  admin = await apiAs(server.baseUrl, server.adminEmail, server.adminPassword);
  firm.teamId = (await admin.post("/teams", { name: "Corporate" })).id;
  for (const [key, name, role] of [
    ["ada", "Ada Owner", "member"],
    ["ben", "Ben Backup", "member"],
    ["lead", "Lee Lead", "sales_lead"],
    ["hr", "Harper Hr", "hr"],
  ]) {
    const u = await admin.post("/users", {
      email: `${key}@example.com`,
      display_name: name,
      role,
      team_id: firm.teamId,
      password: `${key}-Password-123`,
    });
    firm.users[key] = u.id;
  }
  const accounts = [
    ["atlas", "Atlas Shipping", "A", "North", 300_000_00, "Astrid Atlas"],
    ["borealis", "Borealis Energy", "B", "North", 200_000_00, "Bruno Borealis"],
    ["cobalt", "Cobalt Retail", "C", "South", 80_000_00, "Chloe Cobalt"],
    ["dune", "Dune Foods", "B", "South", 20_000_00, "Dora Dune"],
  ];
  for (const [key, name, tier, region, value, contactName] of accounts) {
    const a = await admin.post("/accounts", {
      name,
      tier,
      region,
      team_id: firm.teamId,
      annual_value_minor: value,
      currency: "EUR",
    });
    await admin.put(`/accounts/${a.id}/team/${firm.users.ada}`, { role: "owner", access: "edit" });
    await admin.put(`/accounts/${a.id}/team/${firm.users.ben}`, {
      role: "co_owner",
      access: "edit",
    });
    const contact = await admin.post(`/accounts/${a.id}/contacts`, {
      name: contactName,
      job_title: "CFO",
      email: null,
      phone: null,
      influence: "decision_maker",
    });
    // Personal ties: Ada met them twice, Ben once, so both hold a share.
    for (const [who, daysAgo] of [
      ["ada", 10],
      ["ada", 40],
      ["ben", 20],
    ]) {
      await admin.post(`/accounts/${a.id}/interactions`, {
        kind: "meeting",
        occurred_at: new Date(Date.now() - Number(daysAgo) * 86_400_000).toISOString(),
        summary: "Review",
        employee_ids: [firm.users[String(who)]],
        contact_ids: [contact.id],
        on_behalf_of: "person",
      });
    }
    firm.accounts[String(key)] = {
      id: a.id,
      name: String(name),
      contactId: contact.id,
      contactName: String(contactName),
    };
  }
  await admin.put(`/teams/${firm.teamId}/leads/${firm.users.lead}`, {});
  // Atlas and Borealis belong to the same group.
  await admin.post(`/accounts/${firm.accounts.atlas.id}/links`, {
    other_account_id: firm.accounts.borealis.id,
    kind: "same_group",
  });
  lead = await apiAs(server.baseUrl, "lead@example.com", "lead-Password-123");
  hr = await apiAs(server.baseUrl, "hr@example.com", "hr-Password-123");
  hasEvents = await served(server.baseUrl, admin.token, "GET", "/events");
  hasCampaigns = await served(server.baseUrl, admin.token, "GET", "/campaigns");
  hasNetwork = await served(
    server.baseUrl,
    admin.token,
    "GET",
    `/accounts/${firm.accounts.atlas.id}/network`,
  );
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
  await settle(page);
  return { page, errors };
}

/** @param {import("playwright-core").Page} page */
async function settle(page) {
  await page.locator(".loading").first().waitFor({ state: "detached", timeout: 10_000 });
}

/**
 * What the account page shows: the institutional score (network panel) and the holders'
 * shares (risk panel), as text.
 * @param {import("playwright-core").Page} page
 * @param {string} accountId
 */
async function accountFigures(page, accountId) {
  await page.goto(`${server.baseUrl}/accounts/${accountId}`);
  const score = page.getByTestId("institutional-score");
  await score.waitFor();
  const holders = page.getByTestId("holder-shares");
  await holders.waitFor();
  return {
    score: Number((await score.textContent())?.trim()),
    holders: (await holders.locator("li").allTextContents()).map((t) => t.trim()),
  };
}

describe("client events", () => {
  test("a client day with three accounts raises each one's institutional score and moves no personal share", async (t) => {
    if (!hasEvents) return t.skip("the server does not serve /events yet");
    const picked = [firm.accounts.atlas, firm.accounts.borealis, firm.accounts.cobalt];
    const { page, errors } = await open(lead, "/events");
    /** @type {Record<string, { score: number, holders: string[] }>} */
    const before = {};
    for (const a of picked) before[a.id] = await accountFigures(page, a.id);
    for (const a of picked) assert.equal(before[a.id].holders.length, 2, `${a.name} holders`);

    await page.goto(`${server.baseUrl}/events`);
    await page.getByRole("link", { name: "New event" }).click();
    await page.getByRole("heading", { level: 1, name: "New client event" }).waitFor();
    const form = page.getByRole("form", { name: "Event" });
    // Saving with nobody picked says what is missing.
    await form.getByLabel("Name").fill("Harbour client day");
    await form.getByRole("button", { name: "Record event" }).click();
    await form.getByText("Pick at least one client contact.").waitFor();
    for (const a of picked) {
      await form.getByRole("searchbox", { name: "Find an account" }).fill(a.name.split(" ")[0]);
      // The search narrows the results to the one account of that name.
      await page.waitForFunction((name) => {
        const items = [...document.querySelectorAll(".pick-list li")];
        return items.length === 1 && (items[0].textContent ?? "").includes(name);
      }, a.name);
      await form.getByRole("button", { name: `Show contacts: ${a.name}` }).click();
      await form
        .getByRole("group", { name: `Contacts of ${a.name}` })
        .getByLabel(a.contactName)
        .check();
    }
    await form.getByTestId("picked-attendees").getByText("3 contacts of 3 accounts").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath("event-new-1280"), fullPage: true });
    await form.getByRole("button", { name: "Record event" }).click();

    await page.getByRole("heading", { level: 1, name: "Harbour client day" }).waitFor();
    const attendees = page.getByTestId("event-attendees");
    for (const a of picked) await attendees.getByRole("link", { name: a.name }).waitFor();
    await page.screenshot({ path: screenshotPath("event-1280"), fullPage: true });
    await page.setViewportSize(PHONE);
    // Charts and the graph follow the new width on the next frames.
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath("event-390"), fullPage: true });
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.setViewportSize(DESKTOP);

    for (const a of picked) {
      const after = await accountFigures(page, a.id);
      assert.ok(
        after.score > before[a.id].score,
        `${a.name}: institutional score ${before[a.id].score} → ${after.score}`,
      );
      assert.deepEqual(after.holders, before[a.id].holders, `${a.name}: holders' shares`);
    }
    // The account that did not come is untouched, and the event shows in the network.
    const dune = await accountFigures(page, firm.accounts.dune.id);
    assert.equal(dune.score, 0);
    await page.goto(`${server.baseUrl}/accounts/${firm.accounts.cobalt.id}`);
    await page
      .getByTestId("network-events")
      .getByRole("link", { name: "Harbour client day" })
      .waitFor();
    const met = page.getByTestId("network-met");
    await met.getByRole("link", { name: "Atlas Shipping" }).waitFor();

    // Closing the event makes the attendance final.
    await page
      .getByTestId("network-events")
      .getByRole("link", { name: "Harbour client day" })
      .click();
    await page.getByRole("button", { name: "Close event" }).click();
    await page.getByRole("button", { name: /Confirm: close/ }).click();
    await page.locator(".page-header").getByText("Closed").waitFor();
    assert.equal(await page.getByRole("button", { name: "Edit attendance" }).count(), 0);
    await page.getByRole("link", { name: "Client events" }).first().click();
    const row = page.getByTestId("events-table").locator("tr", { hasText: "Harbour client day" });
    await row.getByText("Closed").waitFor();
    assert.match((await row.textContent()) ?? "", /Client day/);
    await page.screenshot({ path: screenshotPath("events-1280"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the network panel draws linked accounts, and a node opens that account", async (t) => {
    if (!hasNetwork) return t.skip("the server does not serve the network yet");
    const { page, errors } = await open(admin, `/accounts/${firm.accounts.atlas.id}`);
    const graph = page.getByTestId("network-graph");
    await graph.waitFor();
    await page
      .getByTestId("network-links")
      .getByRole("link", { name: "Borealis Energy" })
      .waitFor();
    await page.getByRole("heading", { name: "Client network" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("account-network-1280"), fullPage: true });
    await page.setViewportSize(PHONE);
    // Charts and the graph follow the new width on the next frames.
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath("account-network-390"), fullPage: true });
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.setViewportSize(DESKTOP);
    await graph.getByRole("link", { name: "Open Borealis Energy" }).click();
    await page.getByRole("heading", { level: 1, name: "Borealis Energy" }).waitFor();
    // The link shows from the other side too.
    await page.getByTestId("network-links").getByRole("link", { name: "Atlas Shipping" }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("campaigns", () => {
  test("an apology to tier A only warns, and is sent only with a reason", async (t) => {
    if (!hasCampaigns) return t.skip("the server does not serve /campaigns yet");
    const { page, errors } = await open(lead, "/campaigns");
    await page.getByRole("link", { name: "New campaign" }).click();
    await page.getByRole("heading", { level: 1, name: "New campaign" }).waitFor();
    const form = page.getByRole("form", { name: "Campaign" });
    await form.getByLabel("Name").fill("Apology for the outage");
    await form.getByLabel("Kind").selectOption("apology");
    // Every active account: a fair target.
    await page.getByTestId("campaign-fair").waitFor();
    await form.getByLabel("Tier A").check();
    const warnings = page.getByTestId("campaign-warnings");
    await warnings.waitFor();
    assert.ok(await warnings.locator('[data-code="tier_only"]').count(), "tier-only warning");
    const byTier = page.getByTestId("report-by-tier");
    const tierB = byTier.locator("tr", { hasText: "Tier B" });
    assert.deepEqual(
      (await tierB.locator("td").allTextContents()).slice(0, 3).map((s) => s.trim()),
      ["2", "0", "100%"],
    );
    await page.screenshot({ path: screenshotPath("campaign-new-1280"), fullPage: true });
    await form.getByRole("button", { name: "Create draft" }).click();

    await page.getByRole("heading", { level: 1, name: "Apology for the outage" }).waitFor();
    await page.getByTestId("campaign-warnings").waitFor();
    const send = page.getByRole("form", { name: "Send campaign" });
    await send.getByRole("button", { name: "Acknowledge and mark sent" }).click();
    const reason = send.getByLabel("Why send it despite the warning?");
    await page.waitForFunction(
      () =>
        document
          .querySelector('textarea[name="acknowledge_reason"]')
          ?.getAttribute("aria-invalid") === "true",
    );
    assert.match((await send.locator(".field-error").textContent()) ?? "", /\S/);
    await page.locator(".page-header").getByText("Draft").waitFor();
    const id = new URL(page.url()).pathname.split("/").pop();
    assert.equal((await lead.get(`/campaigns/${id}`)).status, "draft");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath("campaign-refused-1280"), fullPage: true });
    await page.setViewportSize(PHONE);
    // Charts and the graph follow the new width on the next frames.
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath("campaign-390"), fullPage: true });
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.setViewportSize(DESKTOP);

    await reason.fill("Only tier A clients were hit by the outage.");
    await send.getByRole("button", { name: "Acknowledge and mark sent" }).click();
    await page.locator(".page-header").getByText(/^Sent/).waitFor();
    await page
      .getByTestId("acknowledged-reason")
      .getByText("Only tier A clients were hit by the outage.")
      .waitFor();
    assert.equal((await lead.get(`/campaigns/${id}`)).status, "sent");
    await page.goto(`${server.baseUrl}/campaigns`);
    await page
      .getByTestId("campaigns-table")
      .getByRole("link", { name: "Apology for the outage" })
      .waitFor();
    await page.screenshot({ path: screenshotPath("campaigns-1280"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();

    // HR reads the campaign, its report and the reason, and changes nothing.
    const asHr = await open(hr, `/campaigns/${id}`);
    await asHr.page.getByRole("heading", { level: 1, name: "Apology for the outage" }).waitFor();
    await asHr.page.getByTestId("campaign-warnings").waitFor();
    await asHr.page.getByTestId("acknowledged-reason").waitFor();
    assert.equal(await asHr.page.getByRole("form").count(), 0);
    await asHr.page.goto(`${server.baseUrl}/campaigns`);
    await asHr.page.getByTestId("campaigns-table").waitFor();
    assert.equal(await asHr.page.getByRole("link", { name: "New campaign" }).count(), 0);
    assert.deepEqual(asHr.errors, []);
    await asHr.page.close();
  });
});

describe("risk dashboard additions", () => {
  test("shows the value without institutional tie and ageing complaints, overdue ones highlighted", async (t) => {
    const summary = await admin.get("/risk/summary");
    if (summary.untied_value_share === undefined || summary.open_complaints === undefined)
      return t.skip("the server does not report untied value or complaints yet");
    const complaint = await admin.post(`/accounts/${firm.accounts.dune.id}/interactions`, {
      kind: "complaint",
      occurred_at: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      summary: "Deliveries late three weeks running",
      employee_ids: [firm.users.ada],
      contact_ids: [firm.accounts.dune.contactId],
      on_behalf_of: "person",
      complaint_status: "open",
      follow_up_owner_id: firm.users.ada,
    });
    assert.ok(complaint.id);
    const { page, errors } = await open(admin, "/risk");
    const row = page.getByTestId("open-complaints-table").locator("tr", { hasText: "Dune Foods" });
    await row.waitFor();
    await row.getByText("Over 14 days").waitFor();
    assert.match((await row.textContent()) ?? "", /Ada Owner/);
    assert.equal(await page.getByTestId("open-complaints").textContent(), "1");
    await page.getByTestId("untied-by-team").getByText("Corporate").waitFor();
    await page.screenshot({ path: screenshotPath("risk-ties-1280"), fullPage: true });
    await page.setViewportSize(PHONE);
    // Charts and the graph follow the new width on the next frames.
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath("risk-ties-390"), fullPage: true });
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.setViewportSize(DESKTOP);

    // The share links to the accounts list filtered to untied accounts.
    await page.getByTestId("untied-share").click();
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
    assert.equal(await page.getByLabel("Institutional tie").inputValue(), "false");
    const table = page.getByTestId("accounts-table");
    await table.getByRole("link", { name: "Dune Foods" }).waitFor();
    // Atlas is linked to Borealis: it has a tie and is not listed.
    assert.equal(await table.getByRole("link", { name: "Atlas Shipping" }).count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
