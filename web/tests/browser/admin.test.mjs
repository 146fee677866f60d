// Administration (users, teams, coverage policies) and departure plans, in headless
// Chromium against the real server. Parts whose endpoints the server does not serve yet
// skip themselves.
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

before(async () => {
  server = await startServer();
  admin = await apiAs(server.baseUrl, server.adminEmail, server.adminPassword);
  browser = await launchBrowser(DESKTOP);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** @param {string} path */
async function open(path, viewport = DESKTOP) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors = watchErrors(page);
  await openSignedIn(page, server.baseUrl, admin.session, path);
  await page.locator(".loading").first().waitFor({ state: "detached", timeout: 10_000 });
  return { page, errors };
}

describe("administration", () => {
  test("the admin creates a team and a user; a taken email is reported at its field", async () => {
    const { page, errors } = await open("/admin");
    await page.getByRole("heading", { level: 1, name: "Users & teams" }).waitFor();

    const teamForm = page.getByRole("form", { name: "New team" });
    await teamForm.getByRole("button", { name: "Create team" }).click();
    await teamForm.getByText("Enter the team's name.").waitFor();
    await teamForm.getByLabel("New team").fill("Wealth Management");
    await teamForm.getByRole("button", { name: "Create team" }).click();
    await page.getByTestId("teams").getByText("Wealth Management").waitFor();
    assert.equal(await teamForm.getByLabel("New team").inputValue(), "");

    await page.getByRole("button", { name: "New user" }).click();
    const userForm = page.getByRole("form", { name: "New user" });
    await userForm.getByLabel("Email").fill(server.adminEmail);
    await userForm.getByLabel("Display name").fill("Second Admin");
    await userForm.getByLabel("First password").fill("short");
    await userForm.getByRole("button", { name: "Create user" }).click();
    await userForm.getByText("Use at least 12 characters for the first password.").waitFor();
    await userForm.getByLabel("First password").fill("A-long-enough-password-1");
    await userForm.getByRole("button", { name: "Create user" }).click();
    // The server answers 409 for the taken email; it is shown on the form.
    await userForm.locator(".banner-error, .field-error").first().waitFor();

    await userForm.getByLabel("Email").fill("quinn@example.com");
    await userForm.getByLabel("Display name").fill("Quinn Newhire");
    await userForm.getByLabel("Team").selectOption({ label: "Wealth Management" });
    await userForm.getByRole("button", { name: "Create user" }).click();
    const users = page.getByTestId("users-table");
    await users.getByRole("rowheader", { name: /Quinn Newhire/ }).waitFor();
    assert.match(
      (await users.locator("tr", { hasText: "Quinn Newhire" }).textContent()) ?? "",
      /Wealth Management/,
    );
    await page.screenshot({ path: screenshotPath("admin-1280"), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400);
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.screenshot({ path: screenshotPath("admin-390"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the admin changes a user's role with If-Match", async (t) => {
    const quinn = (await admin.get("/users?q=quinn")).items[0];
    if (!(await served(server.baseUrl, admin.token, "PATCH", `/users/${quinn.id}`))) {
      t.skip("PATCH /users/{id} is not served yet");
      return;
    }
    const { page, errors } = await open("/admin");
    await page.getByRole("button", { name: "Edit Quinn Newhire" }).click();
    const form = page.getByRole("form", { name: "Edit Quinn Newhire" });
    await form.getByLabel("Role", { exact: true }).selectOption("sales_lead");
    await form.getByRole("button", { name: "Save user" }).click();
    await page
      .getByTestId("users-table")
      .locator("tr", { hasText: "Quinn Newhire" })
      .getByText("Sales lead")
      .waitFor();
    assert.equal((await admin.get(`/users/${quinn.id}`)).role, "sales_lead");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("coverage policies are created, edited and deleted", async (t) => {
    if (!(await served(server.baseUrl, admin.token, "GET", "/coverage-policies"))) {
      t.skip("/coverage-policies is not served yet");
      return;
    }
    const { page, errors } = await open("/admin");
    await page.getByRole("button", { name: "New policy" }).click();
    const form = page.getByRole("form", { name: "New coverage policy" });
    await form.getByLabel("Tier").selectOption("A");
    await form.getByLabel("Minimum holders").fill("two");
    await form.getByRole("button", { name: "Save policy" }).click();
    await form.getByText("Enter a whole number, e.g. 2.").waitFor();
    await form.getByLabel("Minimum holders").fill("2");
    await form.getByLabel("Minimum current contacts").fill("3");
    await form.getByRole("button", { name: "Save policy" }).click();
    const policies = page.getByTestId("policies");
    await policies.getByText(/Tier A/).waitFor();
    assert.match((await policies.textContent()) ?? "", /at least 2 holders and 3 current contacts/);

    await page.getByRole("button", { name: "Edit the tier A policy" }).click();
    const edit = page.getByRole("form", { name: "Edit the tier A policy" });
    await edit.getByLabel("Minimum holders").fill("3");
    await edit.getByRole("button", { name: "Save policy" }).click();
    await policies.getByText(/at least 3 holders/).waitFor();

    await page.getByRole("button", { name: "Delete the tier A policy" }).click();
    await page.getByRole("button", { name: "Confirm delete" }).click();
    await page.getByText("No policy yet").waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("departures", () => {
  /** Seeds a leaver who alone holds one account, and a colleague to take it over. */
  async function seedLeaver() {
    const stamp = Date.now();
    const team = await admin.post("/teams", { name: `Leavers ${stamp}` });
    /** @param {string} key @param {string} name */
    const person = (key, name) =>
      admin.post("/users", {
        email: `${key}.${stamp}@example.com`,
        display_name: name,
        role: "member",
        team_id: team.id,
        password: `${key}-Password-123`,
      });
    const leaver = await person("dana", "Dana Leaver");
    const successor = await person("eli", "Eli Successor");
    const account = await admin.post("/accounts", {
      name: `Granite Insurance ${stamp}`,
      tier: "A",
      region: "West",
      team_id: team.id,
      annual_value_minor: 90_000_00,
      currency: "EUR",
    });
    await admin.put(`/accounts/${account.id}/team/${leaver.id}`, { role: "owner", access: "edit" });
    await admin.put(`/accounts/${account.id}/team/${successor.id}`, {
      role: "specialist",
      access: "read",
    });
    const contact = await admin.post(`/accounts/${account.id}/contacts`, {
      name: "Gia Granite",
      job_title: "COO",
      email: null,
      phone: null,
      influence: "decision_maker",
    });
    await admin.post(`/accounts/${account.id}/interactions`, {
      kind: "visit",
      occurred_at: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      summary: "Site visit",
      employee_ids: [leaver.id],
      contact_ids: [contact.id],
      on_behalf_of: "person",
    });
    return { leaver, successor, account };
  }

  test("HR plans a departure, assigns a successor on the board and applies the plan", async (t) => {
    if (!(await served(server.baseUrl, admin.token, "GET", "/departures"))) {
      t.skip("/departures is not served yet");
      return;
    }
    const { leaver, successor, account } = await seedLeaver();
    // HR starts from the leaver's exposure page.
    const { page, errors } = await open(`/people/${leaver.id}`);
    await page.getByRole("link", { name: "Plan their departure" }).click();
    await page.getByRole("heading", { name: "New departure plan" }).waitFor();
    // The people list loads after the form: the leaver is chosen once it is there.
    await page.waitForFunction(
      (id) =>
        /** @type {HTMLSelectElement | null} */ (document.querySelector('select[name="user_id"]'))
          ?.value === id,
      leaver.id,
      { timeout: 5000 },
    );
    const leaveDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Leave date").fill(leaveDate);
    await page.getByRole("button", { name: "Create plan" }).click();
    await page.getByRole("heading", { level: 1, name: /Dana Leaver leaves/ }).waitFor();
    const board = page.getByTestId("handover-board");
    await board.waitFor();
    const needsSuccessor = board.locator("section", {
      has: page.getByRole("heading", { name: /Needs a successor/ }),
    });
    await needsSuccessor.getByText(account.name).waitFor();
    assert.equal(await page.getByRole("button", { name: "Apply plan" }).isDisabled(), true);
    await page.screenshot({ path: screenshotPath("departure-board-1280"), fullPage: true });

    await page.getByRole("button", { name: `Choose a successor for ${account.name}` }).click();
    await page.getByLabel("Successor", { exact: true }).selectOption(successor.id);
    await page.getByLabel("Due date").fill(leaveDate);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const planned = board.locator("section", {
      has: page.getByRole("heading", { name: /Planned/ }),
    });
    await planned.getByText(account.name).waitFor();

    await page.getByRole("button", { name: "Apply plan" }).click();
    await page.getByRole("button", { name: "Confirm: move the assignments" }).click();
    // "Apply plan" is already gone while the confirmation shows: wait for the applied plan.
    await page.getByText(/plan applied/).waitFor();
    await page.getByRole("button", { name: "Apply plan" }).waitFor({ state: "detached" });
    const team = (await admin.get(`/accounts/${account.id}/team`)).items;
    assert.equal(
      team.some((/** @type {any} */ a) => a.user_id === leaver.id),
      false,
    );
    assert.ok(team.some((/** @type {any} */ a) => a.user_id === successor.id));
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400);
    assert.equal(await horizontalOverflow(page), false, "no sideways scrolling at 390 px");
    await page.screenshot({ path: screenshotPath("departure-board-390"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a handover can be waived with a reason, which lets the plan apply", async () => {
    const { leaver, account } = await seedLeaver();
    const plan = await admin.post("/departures", {
      user_id: leaver.id,
      leave_date: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    });
    const { page, errors } = await open(`/departures/${plan.id}`);
    await page.getByRole("button", { name: `Waive the handover of ${account.name}` }).click();
    await page.getByLabel("Reason for the waiver").fill("x");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    // The server wants a real reason; its problem shows at the field.
    const field = page.locator(".field", { has: page.getByLabel("Reason for the waiver") });
    await field.locator(".field-error").waitFor();
    await page.getByLabel("Reason for the waiver").fill("The client is winding down its business");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const waived = page
      .getByTestId("handover-board")
      .locator("section", { has: page.getByRole("heading", { name: /Waived/ }) });
    await waived.getByText("Waived: The client is winding down").waitFor();
    await page.getByRole("button", { name: "Apply plan" }).click();
    await page.getByRole("button", { name: "Confirm: move the assignments" }).click();
    await page.getByText(/plan applied/).waitFor();
    assert.equal((await admin.get(`/departures/${plan.id}`)).status, "applied");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("setting a sole holder departed is refused, naming the accounts", async (t) => {
    const { leaver, account } = await seedLeaver();
    if (!(await served(server.baseUrl, admin.token, "PATCH", `/users/${leaver.id}`))) {
      t.skip("PATCH /users/{id} is not served yet");
      return;
    }
    const { page, errors } = await open(`/people/${leaver.id}`);
    await page.getByRole("heading", { level: 1, name: "Dana Leaver" }).waitFor();
    await page.getByLabel("Status", { exact: true }).selectOption("departed");
    await page.getByRole("button", { name: "Save" }).click();
    const refusal = page.locator(".banner-warning", { hasText: "hold these accounts alone" });
    await refusal.waitFor();
    await refusal.getByRole("link", { name: account.name }).waitFor();
    await page.screenshot({ path: screenshotPath("departed-refused-1280"), fullPage: true });
    assert.equal((await admin.get(`/users/${leaver.id}`)).status, "active");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
