import { describe, expect, it } from "vitest";
import type { Permissions } from "../../src/api/types";
import { navFor, normalisePath, resolveRoute } from "../../src/app/nav";
import { NO_PERMISSIONS } from "../../src/app/permissions";

/** What `/me` answers for each role (crates/api/tests/permissions.rs checks the server's side). */
const AS: Record<"admin" | "hr" | "sales_lead" | "member", Permissions> = {
  admin: {
    ...NO_PERMISSIONS,
    may_create_accounts: true,
    account_team_ids: null,
    may_edit_accounts: true,
    edits_only_with_edit_access: false,
    may_see_interaction_text: true,
    may_import: true,
    may_see_portfolio: true,
    portfolio_team_ids: null,
    may_see_campaigns: true,
    may_run_campaigns: true,
    may_run_firm_wide_campaigns: true,
    campaign_team_ids: null,
    may_list_users: true,
    may_see_hr_figures: true,
    may_edit_people: true,
    may_simulate_departures: true,
    may_see_departures: true,
    may_plan_departures: true,
    may_approve_handovers: true,
    may_manage_users: true,
    may_manage_teams: true,
    may_manage_coverage_policies: true,
    may_manage_settings: true,
    may_handle_privacy_requests: true,
    may_see_audit: true,
  },
  hr: {
    ...NO_PERMISSIONS,
    may_see_portfolio: true,
    portfolio_team_ids: null,
    may_see_campaigns: true,
    campaign_team_ids: null,
    may_list_users: true,
    may_see_hr_figures: true,
    may_edit_people: true,
    may_simulate_departures: true,
    may_see_departures: true,
    may_plan_departures: true,
    may_approve_handovers: true,
  },
  sales_lead: {
    ...NO_PERMISSIONS,
    may_create_accounts: true,
    account_team_ids: ["1"],
    may_edit_accounts: true,
    edits_only_with_edit_access: false,
    may_see_interaction_text: true,
    may_import: true,
    may_see_portfolio: true,
    portfolio_team_ids: ["1"],
    may_see_campaigns: true,
    may_run_campaigns: true,
    campaign_team_ids: ["1"],
    may_list_users: true,
    may_simulate_departures: true,
    may_see_departures: true,
    may_approve_handovers: true,
    may_see_audit: true,
    teams_led: ["1"],
  },
  member: {
    ...NO_PERMISSIONS,
    may_create_accounts: true,
    account_team_ids: ["1"],
    may_edit_accounts: true,
    may_see_interaction_text: true,
  },
};

const labels = (role: keyof typeof AS) => navFor(AS[role]).map((i) => i.label);

describe("navFor", () => {
  it("gives an admin every page", () => {
    expect(labels("admin")).toEqual([
      "Accounts",
      "Risk dashboard",
      "Client events",
      "Campaigns",
      "People & exposure",
      "What-if",
      "Departures",
      "Admin: users & teams",
    ]);
  });
  it("gives HR the people pages and campaigns to read, but not administration", () => {
    expect(labels("hr")).toEqual([
      "Accounts",
      "Risk dashboard",
      "Client events",
      "Campaigns",
      "People & exposure",
      "What-if",
      "Departures",
    ]);
  });
  it("gives a sales lead accounts, the risk dashboard, events, campaigns and departures", () => {
    expect(labels("sales_lead")).toEqual([
      "Accounts",
      "Risk dashboard",
      "Client events",
      "Campaigns",
      "Departures",
    ]);
  });
  it("gives a member accounts and client events", () => {
    expect(labels("member")).toEqual(["Accounts", "Client events"]);
  });
});

describe("resolveRoute", () => {
  it("opens nothing beyond accounts and events before the permissions are known", () => {
    expect(navFor(NO_PERMISSIONS).map((i) => i.id)).toEqual(["accounts", "events"]);
    expect(resolveRoute("/risk", NO_PERMISSIONS)).toMatchObject({ kind: "forbidden" });
  });
  it("sends / and the sign-in path home: members to their accounts, the others to the risk dashboard", () => {
    expect(resolveRoute("/", AS.member)).toEqual({
      kind: "redirect",
      to: "/accounts?sort=-exposure",
    });
    expect(resolveRoute("/sign-in", AS.admin)).toEqual({ kind: "redirect", to: "/risk" });
    expect(resolveRoute("/", AS.hr)).toEqual({ kind: "redirect", to: "/risk" });
    expect(resolveRoute("/", AS.sales_lead)).toEqual({ kind: "redirect", to: "/risk" });
  });
  it("opens pages the permissions allow, including sub-paths", () => {
    expect(resolveRoute("/risk/", AS.sales_lead)).toMatchObject({
      kind: "page",
      item: { id: "risk" },
    });
    expect(resolveRoute("/accounts/abc", AS.member)).toMatchObject({
      kind: "page",
      item: { id: "accounts" },
    });
  });
  it("refuses pages outside the permissions", () => {
    expect(resolveRoute("/admin", AS.hr)).toMatchObject({
      kind: "forbidden",
      item: { id: "admin" },
    });
    expect(resolveRoute("/what-if", AS.sales_lead)).toMatchObject({ kind: "forbidden" });
    expect(resolveRoute("/departures", AS.member)).toMatchObject({ kind: "forbidden" });
    expect(resolveRoute("/campaigns/7", AS.member)).toMatchObject({ kind: "forbidden" });
    expect(resolveRoute("/events/new", AS.member)).toMatchObject({ kind: "page" });
  });
  it("answers not-found for unknown paths", () => {
    expect(resolveRoute("/nowhere", AS.admin)).toEqual({ kind: "not-found" });
    expect(resolveRoute("/accountsx", AS.admin)).toEqual({ kind: "not-found" });
  });
  it("normalises paths", () => {
    expect(normalisePath("/risk/?x=1")).toBe("/risk");
    expect(normalisePath("")).toBe("/");
  });
});
