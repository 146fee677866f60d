// The admin's tools, in headless Chromium against the real server: a sales lead created with
// a team leads it and sees its accounts; CSV import with its dry-run error table; the model's
// settings with the background recompute and the server's 422 at the field; a contact's GDPR
// export and erasure.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { apiAs, openSignedIn } from "./api.mjs";
import { launchBrowser, screenshotPath, startServer, watchErrors } from "./harness.mjs";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let browser;
/** @type {Awaited<ReturnType<typeof apiAs>>} */
let admin;
const firm = { bankingId: "", retailId: "", harbourId: "" };

before(async () => {
  server = await startServer();
  admin = await apiAs(server.baseUrl, server.adminEmail, server.adminPassword);
  const banking = await admin.post("/teams", { name: "Private Banking" });
  const retail = await admin.post("/teams", { name: "Retail" });
  firm.bankingId = banking.id;
  firm.retailId = retail.id;
  const harbour = await admin.post("/accounts", {
    name: "Harbour Logistics",
    tier: "A",
    region: "North",
    team_id: banking.id,
    annual_value_minor: 125_000_000,
    currency: "EUR",
  });
  firm.harbourId = harbour.id;
  await admin.post("/accounts", {
    name: "Corner Bakery",
    tier: "C",
    region: "South",
    team_id: retail.id,
    annual_value_minor: 2_000_000,
    currency: "EUR",
  });
  await admin.post("/users", {
    email: "morgan@example.com",
    display_name: "Morgan Member",
    role: "member",
    team_id: banking.id,
    password: "A-long-enough-password-1",
  });
  browser = await launchBrowser(DESKTOP);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * The names of the teams a user leads, by the teams' `lead_ids`.
 * @param {string} userId
 */
async function teamsLed(userId) {
  const teams = /** @type {{ name: string, lead_ids: string[] }[]} */ (
    (await admin.get("/teams")).items
  );
  return teams.filter((team) => team.lead_ids.includes(userId)).map((team) => team.name);
}

/**
 * Waits until `check` answers true (a write saved on a click, without a page change).
 * @param {() => Promise<boolean>} check
 */
async function eventually(check, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    assert.ok(Date.now() < deadline, "timed out waiting for the change");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** @param {string} path */
async function open(path, viewport = DESKTOP) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors = watchErrors(page);
  await openSignedIn(page, server.baseUrl, admin.session, path);
  await page.locator(".loading").first().waitFor({ state: "detached", timeout: 10_000 });
  return { page, errors };
}

/**
 * Screenshots of the page at 1280 and 390 px, and of `part` (the new screen) at 390 px; no
 * sideways scrolling on the phone.
 * @param {import("playwright-core").Page} page
 * @param {string} name
 * @param {import("playwright-core").Locator} part
 */
async function shoot(page, name, part) {
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: screenshotPath(`adminui-${name}-1280`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth + 1,
  );
  assert.equal(overflow, false, `no sideways scrolling at 390 px on ${name}`);
  await page.screenshot({ path: screenshotPath(`adminui-${name}-390`), fullPage: true });
  await part.screenshot({ path: screenshotPath(`adminui-${name}-part-390`) });
  await page.setViewportSize(DESKTOP);
}

describe("admin tools", () => {
  test("a sales lead created with a team leads it and, signed in, sees its accounts", async () => {
    const { page, errors } = await open("/admin");
    await page.getByRole("button", { name: "New user" }).click();
    const form = page.getByRole("form", { name: "New user" });
    await form.getByLabel("Email").fill("lee@example.com");
    await form.getByLabel("Display name").fill("Lee Lead");
    await form.getByLabel("Role").selectOption("sales_lead");
    await form.getByText("A sales lead leads the team you give them.").waitFor();
    await form.getByLabel("Team").selectOption({ label: "Private Banking" });
    await form.getByLabel("First password").fill("Lead-password-long-1");
    await form.getByRole("button", { name: "Create user" }).click();
    const row = page.getByTestId("users-table").locator("tr", { hasText: "Lee Lead" });
    await row.getByText("Leads Private Banking").waitFor();
    const lee = (await admin.get("/users?q=lee")).items[0];
    assert.deepEqual(await teamsLed(lee.id), ["Private Banking"]);

    // The admin's user page: the teams led, and the default account team.
    await page.getByRole("button", { name: "Edit Lee Lead" }).click();
    const edit = page.getByRole("form", { name: "Edit Lee Lead" });
    const leads = edit.getByRole("group", { name: "Teams they lead" });
    assert.equal(await leads.getByLabel("Private Banking").isChecked(), true);
    await leads.getByLabel("Retail").check();
    await eventually(async () => (await teamsLed(lee.id)).includes("Retail"));
    await leads.getByLabel("Retail").uncheck();
    await edit.getByLabel("Colleague").selectOption({ label: "Morgan Member" });
    await edit.getByLabel("Access").selectOption("read");
    await edit.getByRole("button", { name: "Add", exact: true }).click();
    await edit.getByText("Morgan Member as Co-owner (Read only)").waitFor();
    await edit.getByRole("button", { name: "Save default team" }).click();
    await edit.getByText("Default team saved.").waitFor();
    const defaultTeam = await admin.get(`/users/${lee.id}/default-team`);
    assert.equal(defaultTeam.members.length, 1);
    assert.equal(defaultTeam.members[0].access, "read");
    await eventually(async () => !(await teamsLed(lee.id)).includes("Retail"));
    assert.deepEqual(await teamsLed(lee.id), ["Private Banking"], "unticking ends the lead");
    await shoot(page, "user-edit", edit);
    assert.deepEqual(errors, []);
    await page.close();

    // Lee signs in through the form in a browser of their own.
    const own = await launchBrowser(DESKTOP);
    try {
      const leePage = await own.context.newPage();
      const leeErrors = watchErrors(leePage);
      await leePage.goto(server.baseUrl + "/sign-in");
      await leePage.getByLabel("Email").fill("lee@example.com");
      await leePage.getByLabel("Password").fill("Lead-password-long-1");
      await leePage.getByRole("button", { name: "Sign in" }).click();
      await leePage.locator("[data-testid=current-user]").waitFor();
      await leePage.goto(server.baseUrl + "/accounts");
      const table = leePage.getByTestId("accounts-table");
      await table.getByText("Harbour Logistics").waitFor();
      assert.equal(await table.getByText("Corner Bakery").count(), 0);
      assert.deepEqual(leeErrors, []);
    } finally {
      await own.close();
    }
  });

  test("an import with one bad line shows its line and column; fixed, it imports", async () => {
    const { page, errors } = await open("/admin");
    const form = page.getByRole("form", { name: "Import a CSV file" });
    await form.getByLabel("What to import").selectOption("accounts");
    const header = "external_id,name,tier,region,team_name,annual_value_minor,currency";
    const good = "ext-1,Dijkstra Dairy,A,North,Private Banking,50000000,EUR";
    const bad = `${header}\n${good}\next-2,Veldhuis Bouw,Z,East,Private Banking,3000000,EUR\n`;
    await form
      .getByLabel("CSV file")
      .setInputFiles({ name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await form.getByRole("button", { name: "Check file" }).click();
    const table = page.getByTestId("import-errors");
    const row = table.locator("tbody tr");
    await row.first().waitFor();
    assert.equal(await row.count(), 1);
    const cells = await row.first().locator("td").allTextContents();
    assert.equal(cells[0], "3");
    assert.equal(cells[1], "tier");
    assert.ok(cells[2].length > 0, "a reason is given");
    assert.equal(await form.getByRole("button", { name: "Import", exact: true }).count(), 0);
    await shoot(page, "import-errors", page.getByRole("region", { name: "Import and export" }));
    assert.equal((await admin.get("/accounts?q=Dijkstra")).items.length, 0, "nothing written");

    const fixed = bad.replace(",Z,East", ",B,East");
    await form
      .getByLabel("CSV file")
      .setInputFiles({ name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(fixed) });
    await form.getByRole("button", { name: "Check file" }).click();
    await page.getByTestId("import-preview").getByText("2 new, 0 changed, 0 unchanged").waitFor();
    assert.equal(
      (await admin.get("/accounts?q=Dijkstra")).items.length,
      0,
      "a dry run writes nothing",
    );
    await form.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByTestId("import-done").getByText("Imported: 2 new").waitFor();
    assert.equal((await admin.get("/accounts?q=Veldhuis")).items[0].tier, "B");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export Accounts" }).click(),
    ]);
    const csv = await readFile(/** @type {string} */ (await download.path()), "utf8");
    assert.match(csv, /^external_id,/);
    assert.match(csv, /Veldhuis Bouw/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a changed setting recomputes in the background; a bad value is refused at its field", async () => {
    const { page, errors } = await open("/admin");
    const form = page.getByRole("form", { name: "Model settings" });
    const stale = form.getByLabel("Stale after (days)", { exact: true });
    assert.equal(await stale.inputValue(), "90");
    await form.getByText("Default 90; from 1 to 3650.").first().waitFor();
    await stale.fill("30");
    await form.getByRole("button", { name: "Save settings" }).click();
    await page
      .getByTestId("recompute")
      .getByText(/All figures are up to date/)
      .waitFor();
    const after = await admin.get("/settings");
    assert.equal(after.values.stale_after_days, 30);
    assert.equal(after.recompute.state, "idle");
    assert.equal(after.recompute.done, after.recompute.total);

    // 0 days is out of range: the server refuses it, and its words stand at the field.
    const refused = await admin.call(
      "PUT",
      "/settings",
      { ...after.values, stale_after_days: 0 },
      { ifMatch: after.version, expect: 422 },
    );
    assert.equal(refused.field, "stale_after_days");
    await stale.fill("0");
    await form.getByRole("button", { name: "Save settings" }).click();
    const field = form.locator(".field", {
      has: page.getByLabel("Stale after (days)", { exact: true }),
    });
    await field.locator(".field-error").getByText(refused.detail).waitFor();
    assert.equal(await stale.getAttribute("aria-invalid"), "true");
    assert.equal((await admin.get("/settings")).values.stale_after_days, 30, "nothing changed");
    await shoot(page, "settings", field);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("an admin exports a contact's data and erases them", async () => {
    const contact = await admin.post(`/accounts/${firm.harbourId}/contacts`, {
      name: "Jana Novak",
      job_title: "CFO",
      email: "jana@harbour.example",
      influence: "decision_maker",
    });
    const { page, errors } = await open(`/accounts/${firm.harbourId}`);
    const contacts = page.getByTestId("contacts");
    await contacts.getByText("Jana Novak", { exact: true }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      contacts.getByRole("button", { name: "Export the data of Jana Novak" }).click(),
    ]);
    const data = await readFile(/** @type {string} */ (await download.path()), "utf8");
    assert.match(data, /jana@harbour\.example/);
    JSON.parse(data);

    await contacts.getByRole("button", { name: "Erase Jana Novak" }).click();
    await contacts.getByText("Erase Jana Novak for good?").waitFor();
    await shoot(page, "contact-erase", contacts);
    await contacts.getByRole("button", { name: "Erase for good" }).click();
    await contacts.getByText("Jana Novak", { exact: true }).waitFor({ state: "detached" });
    const erased = await admin.get(`/contacts/${contact.id}`);
    assert.notEqual(erased.name, "Jana Novak");
    assert.equal(erased.email ?? null, null);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the admin tools read in Dutch", async () => {
    const dutch = await launchBrowser(DESKTOP, { locale: "nl-NL" });
    try {
      const page = await dutch.context.newPage();
      const errors = watchErrors(page);
      await openSignedIn(page, server.baseUrl, admin.session, "/admin");
      await page.getByRole("heading", { name: "Instellingen van het model" }).waitFor();
      await page.getByRole("heading", { name: "Importeren en exporteren" }).waitFor();
      // Shares in the language's decimals, and read back as typed.
      const holder = page.getByLabel("Relatiedrager vanaf", { exact: true });
      assert.equal(await holder.inputValue(), "0,1");
      await page.getByRole("button", { name: "Lee Lead wijzigen" }).click();
      await page.getByRole("group", { name: "Teams die deze persoon leidt" }).waitFor();
      await shoot(page, "nl-admin", page.getByRole("region", { name: "Importeren en exporteren" }));
      assert.deepEqual(errors, []);
    } finally {
      await dutch.close();
    }
  });
});
