// The accounts list and the account page, in headless Chromium against the real server.
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
/** Ids and credentials of the seeded firm. */
const firm = {
  teamId: "",
  member: { id: "", email: "morgan.member@example.com", password: "Member-password-123" },
  colleague: { id: "", email: "riley.rep@example.com", password: "Riley-password-123" },
  hr: { id: "", email: "harper.hr@example.com", password: "Harper-password-123" },
  harbourId: "",
  nordlichtId: "",
  janaId: "",
};

before(async () => {
  server = await startServer();
  admin = await apiAs(server.baseUrl, server.adminEmail, server.adminPassword);
  sessions.set(server.adminEmail, admin.session);
  const team = await admin.post("/teams", { name: "Private Banking" });
  firm.teamId = team.id;
  const mk = async (
    /** @type {{ id: string, email: string, password: string }} */ who,
    /** @type {string} */ name,
    /** @type {string} */ role,
  ) => {
    const u = await admin.post("/users", {
      email: who.email,
      display_name: name,
      role,
      team_id: team.id,
      password: who.password,
    });
    who.id = u.id;
  };
  await mk(firm.member, "Morgan Member", "member");
  await mk(firm.colleague, "Riley Rep", "member");
  await mk(firm.hr, "Harper Hr", "hr");

  const harbour = await admin.post("/accounts", {
    name: "Harbour Logistics",
    tier: "A",
    region: "North",
    team_id: team.id,
    annual_value_minor: 125_000_000,
    currency: "EUR",
  });
  firm.harbourId = harbour.id;
  const nordlicht = await admin.post("/accounts", {
    name: "Nordlicht GmbH",
    tier: "B",
    region: "DACH",
    team_id: team.id,
    annual_value_minor: 40_000_000,
    currency: "EUR",
  });
  firm.nordlichtId = nordlicht.id;
  await admin.post("/accounts", {
    name: "Alpine Dental",
    tier: "C",
    region: "South",
    team_id: team.id,
    annual_value_minor: 5_000_000,
    currency: "EUR",
  });
  await admin.put(`/accounts/${harbour.id}/team/${firm.member.id}`, {
    role: "owner",
    access: "edit",
  });
  const jana = await admin.post(`/accounts/${harbour.id}/contacts`, {
    name: "Jana Novak",
    job_title: "CFO",
    email: "jana@harbour.example",
    phone: "+49 40 1234",
    influence: "decision_maker",
  });
  firm.janaId = jana.id;
  await admin.post(`/accounts/${harbour.id}/interactions`, {
    kind: "meeting",
    occurred_at: new Date(Date.now() - 5 * 86_400_000).toISOString(),
    summary: "Quarterly review of the freight insurance portfolio.",
    employee_ids: [firm.member.id],
    contact_ids: [jana.id],
    on_behalf_of: "person",
  });
  browser = await launchBrowser(DESKTOP);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** @type {Map<string, object>} */
const sessions = new Map();

/**
 * A fresh page signed in as `email` (one API sign-in per person per run).
 * @param {string} email
 * @param {string} password
 */
async function signedIn(email, password, viewport = DESKTOP, path = "/accounts") {
  let session = sessions.get(email);
  if (!session) {
    session = (await apiAs(server.baseUrl, email, password)).session;
    sessions.set(email, session);
  }
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors = watchErrors(page);
  await openSignedIn(page, server.baseUrl, session, path);
  return { page, errors };
}

/** @param {import("playwright-core").Page} page */
async function settle(page) {
  await page.locator(".loading").first().waitFor({ state: "detached", timeout: 10_000 });
}

/** @param {import("playwright-core").Page} page */
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

describe("accounts list", () => {
  test("lists accounts with risk badges, filters by tier and sorts by exposure", async () => {
    const { page, errors } = await signedIn(server.adminEmail, server.adminPassword);
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
    const table = page.getByTestId("accounts-table");
    await table.waitFor();
    const names = async () =>
      (await table.locator("tbody th[scope=row] a").allTextContents()).map((t) => t.trim());
    assert.deepEqual(await names(), ["Alpine Dental", "Harbour Logistics", "Nordlicht GmbH"]);
    // Every account shows a risk score; the owned account has flags, the others no owner.
    assert.equal(await table.locator(".risk-badge").count(), 3);
    const harbourRow = table.locator("tr", { hasText: "Harbour Logistics" });
    assert.match((await harbourRow.textContent()) ?? "", /€1,250,000\.00/);
    const nordlichtRow = table.locator("tr", { hasText: "Nordlicht GmbH" });
    assert.match((await nordlichtRow.textContent()) ?? "", /No owner/);
    assert.deepEqual(await unlabelledControls(page), []);
    await page.screenshot({ path: screenshotPath("accounts-1280"), fullPage: true });

    await page.getByLabel("Tier").selectOption("A");
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=accounts-table] tbody tr").length === 1,
    );
    assert.deepEqual(await names(), ["Harbour Logistics"]);
    assert.match(page.url(), /tier=A/);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByLabel("Sort by").selectOption("-exposure");
    await page.waitForFunction(
      () =>
        document.querySelector("[data-testid=accounts-table] tbody th a")?.textContent ===
        "Harbour Logistics",
    );
    await page.getByLabel("Search").fill("nord");
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=accounts-table] tbody tr").length === 1,
    );
    assert.deepEqual(await names(), ["Nordlicht GmbH"]);
    await page.getByLabel("Search").fill("zzz-nothing");
    await page.getByText("No accounts match these filters").waitFor();

    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400); // the menu slides out of view
    await page.getByLabel("Search").fill("");
    await table.waitFor();
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.screenshot({ path: screenshotPath("accounts-390"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a member sees only the accounts they are on", async () => {
    const { page, errors } = await signedIn(firm.member.email, firm.member.password, PHONE);
    const table = page.getByTestId("accounts-table");
    await table.waitFor();
    assert.deepEqual(
      (await table.locator("tbody th[scope=row] a").allTextContents()).map((t) => t.trim()),
      ["Harbour Logistics"],
    );
    await page.screenshot({ path: screenshotPath("accounts-member-390"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a new account is created from the list, and a server problem shows at its field", async () => {
    const { page, errors } = await signedIn(server.adminEmail, server.adminPassword);
    await page.getByRole("button", { name: "New account" }).click();
    const form = page.locator("form", {
      has: page.getByRole("button", { name: "Create account" }),
    });
    // Nothing filled in: each field says what is missing, without a request.
    await form.getByRole("button", { name: "Create account" }).click();
    await form.getByText("Enter the client's name.").waitFor();
    await form.getByText("Enter a region.").waitFor();

    await form.getByLabel("Name").fill("X".repeat(201));
    await form.getByLabel("Region").fill("West");
    await form.getByLabel("Team").selectOption(firm.teamId);
    await form.getByLabel("Annual value").fill("80,000");
    await form.getByRole("button", { name: "Create account" }).click();
    // The server refuses the name; its problem document lands under the Name field.
    const nameError = form
      .locator(".field", { has: page.getByLabel("Name") })
      .locator(".field-error");
    await nameError.waitFor();
    assert.match((await nameError.textContent()) ?? "", /200/);
    assert.equal(await form.getByLabel("Name").getAttribute("aria-invalid"), "true");

    await form.getByLabel("Name").fill("Westwind Partners");
    await form.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Westwind Partners" }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/accounts\/[^/]+$/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("account page", () => {
  test("shows the risk panel with every flag explained, N_eff, bus factor and the matrix", async () => {
    const { page, errors } = await signedIn(server.adminEmail, server.adminPassword);
    await page.goto(`${server.baseUrl}/accounts/${firm.harbourId}`);
    await page.getByRole("heading", { level: 1, name: "Harbour Logistics" }).waitFor();
    await settle(page);
    const risk = await admin.get(`/accounts/${firm.harbourId}/risk`);
    const flags = page.getByTestId("risk-flags");
    await flags.waitFor();
    for (const flag of risk.flags) {
      await flags.getByText(flag.explanation, { exact: true }).waitFor();
    }
    assert.equal(
      (await page.getByTestId("bus-factor").textContent())?.trim(),
      String(risk.bus_factor),
    );
    assert.equal((await page.getByTestId("n-eff").textContent())?.trim(), risk.n_eff.toFixed(1));
    const matrix = page.getByTestId("relationship-matrix");
    await matrix.waitFor();
    assert.match((await matrix.textContent()) ?? "", /Morgan Member/);
    assert.match((await matrix.textContent()) ?? "", /Jana Novak/);
    assert.match((await matrix.textContent()) ?? "", /100%/);
    await page.getByTestId("timeline").getByText("Quarterly review").waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
    await page.screenshot({ path: screenshotPath("account-1280"), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400); // the menu slides out of view
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.screenshot({ path: screenshotPath("account-390"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the account is edited with If-Match, and a stale copy is refused plainly", async () => {
    const { page, errors } = await signedIn(server.adminEmail, server.adminPassword);
    await page.goto(`${server.baseUrl}/accounts/${firm.nordlichtId}`);
    await page.getByRole("heading", { level: 1, name: "Nordlicht GmbH" }).waitFor();
    await page.getByRole("button", { name: "Edit account" }).click();
    const form = page.locator("form", { has: page.getByRole("button", { name: "Save account" }) });
    await form.getByLabel("Region").fill("Alps");
    await form.getByLabel("Annual value").fill("450,000");
    await form.getByRole("button", { name: "Save account" }).click();
    await page.getByText("Tier B · Alps · Private Banking · €450,000.00 a year").waitFor();

    // Someone else changes it meanwhile: this page's copy is now stale.
    await page.getByRole("button", { name: "Edit account" }).click();
    const current = await admin.get(`/accounts/${firm.nordlichtId}`);
    await admin.patch(`/accounts/${firm.nordlichtId}`, { region: "DACH" }, current.version);
    await form.getByLabel("Region").fill("Tyrol");
    await form.getByRole("button", { name: "Save account" }).click();
    await form.getByText("Someone else changed this record").waitFor();
    assert.equal((await admin.get(`/accounts/${firm.nordlichtId}`)).region, "DACH");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the team is changed with If-Match: add, change role, remove, and history stays", async () => {
    const { page, errors } = await signedIn(server.adminEmail, server.adminPassword);
    await page.goto(`${server.baseUrl}/accounts/${firm.harbourId}`);
    await page.getByRole("heading", { level: 1, name: "Harbour Logistics" }).waitFor();
    const team = page.getByTestId("team-table");
    await team.waitFor();

    await page.getByRole("button", { name: "Add to team" }).click();
    const add = page.getByRole("form", { name: "Add to the account team" });
    await add.getByLabel("Person").selectOption({ label: "Riley Rep" });
    await add.getByLabel("Role").selectOption("co_owner");
    await add.getByRole("button", { name: "Add" }).click();
    await team.getByRole("rowheader", { name: "Riley Rep" }).waitFor();

    // Change Riley's role: a PUT carrying the assignment's version.
    await page.getByLabel("Role of Riley Rep").selectOption("specialist");
    await team.getByRole("button", { name: "Save" }).click();
    await page.waitForFunction(
      () => !document.querySelector("[data-testid=team-table] .button-primary"),
    );
    let open = (await admin.get(`/accounts/${firm.harbourId}/team`)).items;
    assert.equal(
      open.find((/** @type {any} */ a) => a.user_id === firm.colleague.id)?.role,
      "specialist",
    );

    // A change made elsewhere meanwhile makes this page's copy stale: 412, said plainly.
    const riley = open.find((/** @type {any} */ a) => a.user_id === firm.colleague.id);
    await admin.put(
      `/accounts/${firm.harbourId}/team/${firm.colleague.id}`,
      { role: "specialist", access: "read" },
      riley.version,
    );
    await page.getByLabel("Role of Riley Rep").selectOption("executive_sponsor");
    await team.getByRole("button", { name: "Save" }).click();
    await page.getByText("Someone else changed this record").waitFor();

    await page.reload();
    await team.waitFor();
    await page.getByRole("button", { name: "Remove Riley Rep from the team" }).click();
    await page.getByRole("button", { name: "Confirm removal" }).click();
    await team.getByRole("rowheader", { name: "Riley Rep" }).waitFor({ state: "detached" });
    open = (await admin.get(`/accounts/${firm.harbourId}/team`)).items;
    assert.equal(
      open.some((/** @type {any} */ a) => a.user_id === firm.colleague.id),
      false,
    );
    await page.getByRole("button", { name: /Former members/ }).click();
    await page.locator(".history").getByText("Riley Rep").waitFor();

    // The change history names who did it.
    await page.getByRole("button", { name: "Show" }).click();
    const history = page.getByTestId("history");
    await history.waitFor();
    assert.ok((await history.locator("li").count()) >= 3, "the team changes are in the history");
    assert.match((await history.textContent()) ?? "", /Administrator/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("contacts are added, edited and marked as left", async () => {
    const { page, errors } = await signedIn(server.adminEmail, server.adminPassword);
    await page.goto(`${server.baseUrl}/accounts/${firm.nordlichtId}`);
    await page.getByRole("heading", { level: 1, name: "Nordlicht GmbH" }).waitFor();
    await page.getByRole("button", { name: "Add contact" }).click();
    const form = page.getByRole("form", { name: "New contact" });
    await form.getByLabel("Name").fill("Petra Lind");
    await form.getByLabel("Job title").fill("Head of Treasury");
    await form.getByLabel("Email").fill("not-an-email");
    await form.getByRole("button", { name: "Add contact" }).click();
    await form.getByText("Enter an email address like name@client.com.").waitFor();
    await form.getByLabel("Email").fill("petra@nordlicht.example");
    await form.getByLabel("Influence").selectOption("champion");
    await form.getByRole("button", { name: "Add contact" }).click();
    const contacts = page.getByTestId("contacts");
    await contacts.getByText("Petra Lind").waitFor();
    assert.match((await contacts.textContent()) ?? "", /Head of Treasury/);

    await page.getByRole("button", { name: "Edit Petra Lind" }).click();
    const edit = page.getByRole("form", { name: "Edit Petra Lind" });
    await edit.getByLabel("Job title").fill("Treasurer");
    await edit.getByRole("button", { name: "Save contact" }).click();
    await contacts.getByText(/Treasurer ·/).waitFor();

    await page.getByRole("button", { name: "Mark Petra Lind as left" }).click();
    await contacts.getByText(/^Left /).waitFor();
    const saved = (await admin.get(`/accounts/${firm.nordlichtId}/contacts`)).items[0];
    assert.ok(saved.left_at, "left_at is set");
    assert.equal(saved.job_title, "Treasurer");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a contact who changed jobs moves to their new client, keeping the history", async () => {
    await admin.post(`/accounts/${firm.nordlichtId}/contacts`, {
      name: "Omar Mover",
      job_title: "CTO",
      email: null,
      phone: null,
      influence: "influencer",
    });
    const { page, errors } = await signedIn(server.adminEmail, server.adminPassword);
    await page.goto(`${server.baseUrl}/accounts/${firm.nordlichtId}`);
    await page.getByRole("heading", { level: 1, name: "Nordlicht GmbH" }).waitFor();
    await page.getByRole("button", { name: "Omar Mover moved to another client" }).click();
    const form = page.getByRole("form", { name: "Move Omar Mover" });
    await form.getByRole("button", { name: "Move contact" }).click();
    await form.getByText("Choose the client they moved to.").waitFor();
    await form.getByLabel("Search clients").fill("alp");
    await form
      .getByLabel("Client they joined")
      .locator("option", { hasText: "Alpine Dental" })
      .waitFor({
        state: "attached",
      });
    await form.getByLabel("Client they joined").selectOption({ label: "Alpine Dental" });
    await form.getByRole("button", { name: "Move contact" }).click();
    await page
      .getByTestId("contacts")
      .locator("li", { hasText: "Omar Mover" })
      .getByText(/^Left /)
      .waitFor();
    const accounts = (await admin.get("/accounts?q=Alpine")).items;
    const moved = (await admin.get(`/accounts/${accounts[0].id}/contacts`)).items;
    assert.ok(
      moved.some((/** @type {any} */ c) => c.name === "Omar Mover" && c.previous_contact_id),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the timeline takes a new interaction with both sides, and a complaint is resolved", async () => {
    const { page, errors } = await signedIn(firm.member.email, firm.member.password);
    await page.goto(`${server.baseUrl}/accounts/${firm.harbourId}`);
    await page.getByRole("heading", { level: 1, name: "Harbour Logistics" }).waitFor();
    await settle(page);
    await page.getByRole("button", { name: "Add interaction" }).click();
    const form = page.getByRole("form", { name: "New interaction" });
    await form.getByLabel("Kind").selectOption("complaint");
    await form.getByLabel("Summary").fill("Invoice sent twice; client unhappy.");
    await form.getByLabel("Jana Novak").check();
    await form.getByLabel("Complaint status").selectOption("open");
    await form.getByLabel("Who follows up").selectOption({ label: "Morgan Member" });
    await form.getByLabel("Follow up by").fill("2030-01-15");
    // The member is preselected on our side.
    assert.equal(await form.getByLabel("Morgan Member").isChecked(), true);
    await form.getByRole("button", { name: "Save interaction" }).click();
    const timeline = page.getByTestId("timeline");
    const item = timeline.locator("li", { hasText: "Invoice sent twice" });
    await item.waitFor();
    assert.match((await item.textContent()) ?? "", /Open/);
    assert.match((await item.textContent()) ?? "", /Them: Jana Novak/);
    assert.match((await item.textContent()) ?? "", /Follow-up: Morgan Member by 15 Jan 2030/);
    // The open complaint shows up in the risk panel straight away.
    await page.getByTestId("risk-flags").getByText("Open complaint").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath("account-member-1280"), fullPage: true });

    // A complaint is a dialogue: a follow-up joins its trail.
    await item.getByRole("button", { name: "Add follow-up" }).click();
    await item
      .getByRole("textbox", { name: "Follow-up" })
      .fill("Called the CFO; credit note promised.");
    await item.getByRole("button", { name: "Add to the trail" }).click();
    await item
      .getByRole("list", { name: "Follow-ups" })
      .getByText("credit note promised")
      .waitFor();
    // Resolving asks for what was done.
    await item.getByRole("button", { name: "Resolve complaint" }).click();
    await item.getByRole("button", { name: "Mark resolved" }).click();
    await item.getByText("Say what was done about it.").waitFor();
    await item
      .getByRole("textbox", { name: "What was done?" })
      .fill("Credit note issued; invoicing fixed.");
    await item.getByRole("button", { name: "Mark resolved" }).click();
    await item.getByText(/Resolved/).waitFor();
    await item.getByText("What was done: Credit note issued; invoicing fixed.").waitFor();
    await page.getByTestId("risk-flags").getByText("Open complaint").waitFor({ state: "detached" });

    // A date more than a day ahead is refused next to the field.
    await page.getByRole("button", { name: "Add interaction" }).click();
    await form.getByLabel("When").fill("2099-01-01T10:00");
    await form.getByLabel("Summary").fill("Future");
    await form.getByRole("button", { name: "Save interaction" }).click();
    await form.getByText("Cannot be more than a day in the future.").waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("an interaction can be logged with the keyboard alone", async () => {
    const { page, errors } = await signedIn(firm.member.email, firm.member.password);
    await page.goto(`${server.baseUrl}/accounts/${firm.harbourId}`);
    await page.getByRole("heading", { level: 1, name: "Harbour Logistics" }).waitFor();
    await settle(page);
    await page.getByRole("button", { name: "Add interaction" }).focus();
    await page.keyboard.press("Enter");
    // Focus moves into the form, on its first field, with a visible outline.
    await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "kind");
    const outline = await page.evaluate(
      () => getComputedStyle(/** @type {Element} */ (document.activeElement)).outlineStyle,
    );
    assert.notEqual(outline, "none");
    await page.keyboard.press("ArrowDown"); // meeting → call
    /** @param {(el: Element | null) => boolean} done */
    const tabUntil = async (done, max = 20) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate(done, null).catch(() => false)) return;
      }
      throw new Error("focus never got there");
    };
    await tabUntil(() => document.activeElement?.getAttribute("name") === "summary");
    await page.keyboard.type("Called about the renewal, by keyboard.");
    await tabUntil(() => document.activeElement?.textContent === "Save interaction");
    await page.keyboard.press("Enter");
    const item = page.getByTestId("timeline").locator("li", { hasText: "by keyboard" });
    await item.waitFor();
    assert.match((await item.textContent()) ?? "", /Call/);
    // Focus returns to the button that opened the form.
    await page.waitForFunction(() => document.activeElement?.textContent === "Add interaction");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("HR sees the structure and figures but never the note text", async () => {
    const { page, errors } = await signedIn(firm.hr.email, firm.hr.password);
    await page.goto(`${server.baseUrl}/accounts/${firm.harbourId}`);
    await page.getByRole("heading", { level: 1, name: "Harbour Logistics" }).waitFor();
    const timeline = page.getByTestId("timeline");
    await timeline.waitFor();
    assert.doesNotMatch((await timeline.textContent()) ?? "", /Quarterly review/);
    await timeline.getByText("Note text is not shown to HR.").first().waitFor();
    assert.equal(await page.getByRole("button", { name: "Add interaction" }).count(), 0);
    assert.equal(await page.getByRole("button", { name: "Add to team" }).count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("pagination", () => {
  test("a long list loads the next page on demand", async () => {
    for (let i = 1; i <= 53; i++) {
      await admin.post("/accounts", {
        name: `Zeta Holding ${String(i).padStart(2, "0")}`,
        tier: "C",
        region: "East",
        team_id: firm.teamId,
        annual_value_minor: 1_000_00 * i,
        currency: "EUR",
      });
    }
    const { page, errors } = await signedIn(server.adminEmail, server.adminPassword);
    await page.getByLabel("Search").fill("Zeta");
    const rows = page.getByTestId("accounts-table").locator("tbody tr");
    // Wait for the filtered first page (the unfiltered list also has 50 rows).
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll("[data-testid=accounts-table] tbody th a")];
      return names.length === 50 && names.every((a) => a.textContent?.startsWith("Zeta"));
    });
    await page.getByRole("button", { name: "Load more" }).click();
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=accounts-table] tbody tr").length === 53,
    );
    assert.equal(await rows.count(), 53);
    await page.getByRole("button", { name: "Load more" }).waitFor({ state: "detached" });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
