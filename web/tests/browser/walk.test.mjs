// The everyday walk of each role, in headless Chromium against the real server: find an
// account → add a co-owner → log a meeting with them → see the key-person flag clear; HR runs
// a what-if and sees the orphaned value; a member cannot reach an account they are not on.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { apiAs, openSignedIn } from "./api.mjs";
import { launchBrowser, screenshotPath, startServer, watchErrors } from "./harness.mjs";

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let browser;
/** @type {Awaited<ReturnType<typeof apiAs>>} */
let admin;

const people = {
  lead: {
    id: "",
    email: "lena.lead@example.com",
    password: "Lena-password-123",
    name: "Lena Lead",
  },
  owner: {
    id: "",
    email: "omar.owner@example.com",
    password: "Omar-password-123",
    name: "Omar Owner",
  },
  helper: {
    id: "",
    email: "hugo.helper@example.com",
    password: "Hugo-password-123",
    name: "Hugo Helper",
  },
  hr: { id: "", email: "hana.hr@example.com", password: "Hana-password-123", name: "Hana Hr" },
};
/** account name → { id, contactName } */
const accounts = new Map();
let foreignId = "";

/** An account Omar alone carries: owner, one contact, one recent meeting (key person). */
async function soloAccount(/** @type {string} */ teamId, /** @type {string} */ name) {
  const account = await admin.post("/accounts", {
    name,
    tier: "B",
    region: "North",
    team_id: teamId,
    annual_value_minor: 30_000_000,
    currency: "EUR",
  });
  await admin.put(`/accounts/${account.id}/team/${people.owner.id}`, {
    role: "owner",
    access: "edit",
  });
  const contactName = `${name} CFO`;
  const contact = await admin.post(`/accounts/${account.id}/contacts`, {
    name: contactName,
    job_title: "CFO",
    influence: "decision_maker",
  });
  await admin.post(`/accounts/${account.id}/interactions`, {
    kind: "meeting",
    occurred_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    summary: "Annual review",
    employee_ids: [people.owner.id],
    contact_ids: [contact.id],
    on_behalf_of: "person",
  });
  accounts.set(name, { id: account.id, contactName });
  return account.id;
}

before(async () => {
  server = await startServer();
  admin = await apiAs(server.baseUrl, server.adminEmail, server.adminPassword);
  const team = await admin.post("/teams", { name: "Corporate Clients" });
  const other = await admin.post("/teams", { name: "Retail Clients" });
  for (const [key, role] of [
    ["lead", "sales_lead"],
    ["owner", "member"],
    ["helper", "member"],
    ["hr", "hr"],
  ]) {
    const who = people[/** @type {keyof typeof people} */ (key)];
    const user = await admin.post("/users", {
      email: who.email,
      display_name: who.name,
      role,
      team_id: team.id,
      password: who.password,
    });
    who.id = user.id;
  }
  await admin.put(`/teams/${team.id}/leads/${people.lead.id}`, {});
  await soloAccount(team.id, "Granite Works");
  await soloAccount(team.id, "Meadow Farms");
  await soloAccount(team.id, "Quarry Partners");
  const foreign = await admin.post("/accounts", {
    name: "Elsewhere Ltd",
    tier: "C",
    region: "South",
    team_id: other.id,
    annual_value_minor: 1_000_000,
    currency: "EUR",
  });
  foreignId = foreign.id;
  browser = await launchBrowser({ width: 1280, height: 900 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(
  /** @type {{ email: string, password: string }} */ who,
  path = "/accounts",
) {
  const { session } = await apiAs(server.baseUrl, who.email, who.password);
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await openSignedIn(page, server.baseUrl, session, path);
  return { page, errors };
}

/** Finds the account by searching the list and opens it. */
async function findAndOpen(
  /** @type {import("playwright-core").Page} */ page,
  /** @type {string} */ name,
) {
  await page.getByLabel("Search").fill(name.split(" ")[0]);
  const link = page.getByTestId("accounts-table").getByRole("link", { name });
  await link.waitFor();
  await link.click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** Adds Hugo as co-owner, logs a meeting with him and the contact, and waits for the flag to go. */
async function walk(
  /** @type {import("playwright-core").Page} */ page,
  /** @type {string} */ name,
  /** @type {string} */ shot,
) {
  const { contactName } = accounts.get(name) ?? { contactName: "" };
  const flags = page.getByTestId("risk-flags");
  await flags.getByText("Key person").waitFor();
  await page.getByRole("button", { name: "Add to team" }).click();
  const add = page.getByRole("form", { name: "Add to the account team" });
  await add.getByLabel("Person").selectOption({ label: people.helper.name });
  await add.getByLabel("Role").selectOption("co_owner");
  await add.getByRole("button", { name: "Add" }).click();
  await page
    .getByTestId("team-table")
    .getByRole("rowheader", { name: people.helper.name })
    .waitFor();

  await page.getByRole("button", { name: "Add interaction" }).click();
  const form = page.getByRole("form", { name: "New interaction" });
  await form.getByLabel("Kind").selectOption("meeting");
  await form.getByLabel("Summary").fill(`Introduced ${people.helper.name} to the client.`);
  await form.getByRole("checkbox", { name: people.helper.name }).check();
  await form.getByRole("checkbox", { name: contactName }).check();
  await form.getByRole("button", { name: "Save interaction" }).click();
  await page.getByTestId("timeline").getByText(`Introduced ${people.helper.name}`).waitFor();
  await flags.getByText("Key person").waitFor({ state: "detached" });
  await page.screenshot({ path: screenshotPath(shot), fullPage: true });
}

describe("each role's walk", () => {
  test("an admin spreads an account and the key-person flag clears", async () => {
    const { page, errors } = await signedIn({
      email: server.adminEmail,
      password: server.adminPassword,
    });
    await findAndOpen(page, "Granite Works");
    await walk(page, "Granite Works", "walk-admin-1280");
    const risk = await admin.get(`/accounts/${accounts.get("Granite Works")?.id}/risk`);
    assert.equal(
      risk.flags.some((/** @type {any} */ f) => f.code === "key_person"),
      false,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a sales lead spreads one of their team's accounts", async () => {
    const { page, errors } = await signedIn(people.lead);
    await findAndOpen(page, "Meadow Farms");
    await walk(page, "Meadow Farms", "walk-sales-lead-1280");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a member finds their account, logs a meeting, and cannot reach another team's account", async () => {
    const { page, errors } = await signedIn(people.owner);
    const rows = page.getByTestId("accounts-table").locator("tbody th[scope=row] a");
    await rows.first().waitFor();
    assert.equal(
      (await rows.allTextContents()).some((t) => t.includes("Elsewhere")),
      false,
    );
    await findAndOpen(page, "Quarry Partners");
    await page.getByRole("button", { name: "Add interaction" }).click();
    const form = page.getByRole("form", { name: "New interaction" });
    await form.getByLabel("Kind").selectOption("call");
    await form.getByLabel("Summary").fill("Checked in about the renewal.");
    await form.getByRole("checkbox", { name: "Quarry Partners CFO" }).check();
    await form.getByRole("button", { name: "Save interaction" }).click();
    await page.getByTestId("timeline").getByText("Checked in about the renewal.").waitFor();
    await page.screenshot({ path: screenshotPath("walk-member-1280"), fullPage: true });

    await page.goto(`${server.baseUrl}/accounts/${foreignId}`);
    await page.getByText("No such account").waitFor();
    assert.equal(await page.getByText("Elsewhere Ltd").count(), 0, "nothing of the account shows");
    await page.screenshot({ path: screenshotPath("walk-member-foreign-1280"), fullPage: true });
    assert.deepEqual(
      errors.filter((e) => !/404/.test(e)),
      [],
    );
    await page.close();
  });

  test("HR runs a what-if and sees the value orphaned", async () => {
    const hr = await apiAs(server.baseUrl, people.hr.email, people.hr.password);
    const expected = await hr.post("/simulations/departure", { user_ids: [people.owner.id] });
    assert.ok(expected.orphaned_value_minor > 0, "Omar still holds Quarry Partners alone");
    const { page, errors } = await signedIn(people.hr, "/what-if");
    await page.getByRole("heading", { level: 1, name: "What-if" }).waitFor();
    await page.getByLabel("Find people").fill("omar");
    await page.getByRole("checkbox", { name: /Omar Owner/ }).check();
    await page.getByRole("button", { name: "Run what-if" }).click();
    const result = page.getByTestId("simulation");
    await result.waitFor();
    const shown = new Intl.NumberFormat(undefined, { style: "currency", currency: "EUR" }).format(
      expected.orphaned_value_minor / 100,
    );
    await result.getByText(shown).first().waitFor();
    await page.screenshot({ path: screenshotPath("walk-hr-what-if-1280"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
