import { describe, expect, it } from "vitest";
import { navFor, normalisePath, resolveRoute } from "../../src/app/nav";

const labels = (role: Parameters<typeof navFor>[0]) => navFor(role).map((i) => i.label);

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
  it("sends / and the sign-in path home", () => {
    expect(resolveRoute("/", "member")).toEqual({ kind: "redirect", to: "/accounts" });
    expect(resolveRoute("/sign-in", "admin")).toEqual({ kind: "redirect", to: "/accounts" });
  });
  it("opens pages the role may see, including sub-paths", () => {
    expect(resolveRoute("/risk/", "sales_lead")).toMatchObject({
      kind: "page",
      item: { id: "risk" },
    });
    expect(resolveRoute("/accounts/abc", "member")).toMatchObject({
      kind: "page",
      item: { id: "accounts" },
    });
  });
  it("refuses pages outside the role", () => {
    expect(resolveRoute("/admin", "hr")).toMatchObject({
      kind: "forbidden",
      item: { id: "admin" },
    });
    expect(resolveRoute("/what-if", "sales_lead")).toMatchObject({ kind: "forbidden" });
    expect(resolveRoute("/departures", "member")).toMatchObject({ kind: "forbidden" });
    expect(resolveRoute("/campaigns/7", "member")).toMatchObject({ kind: "forbidden" });
    expect(resolveRoute("/events/new", "member")).toMatchObject({ kind: "page" });
  });
  it("answers not-found for unknown paths", () => {
    expect(resolveRoute("/nowhere", "admin")).toEqual({ kind: "not-found" });
    expect(resolveRoute("/accountsx", "admin")).toEqual({ kind: "not-found" });
  });
  it("normalises paths", () => {
    expect(normalisePath("/risk/?x=1")).toBe("/risk");
    expect(normalisePath("")).toBe("/");
  });
});
