import { describe, expect, it } from "vitest";
import { checkInteraction, isOpenComplaint, toggleId } from "../../src/app/interactions";
import type { Interaction } from "../../src/api/types";

const NOW = Date.parse("2026-06-10T12:00:00Z");
const draft = {
  kind: "meeting" as const,
  occurredAt: "2026-06-09T10:30",
  summary: "  Renewal talk  ",
  employeeIds: ["u1", "u1"],
  contactIds: ["c1"],
  onBehalfOf: "person" as const,
  complaintStatus: "open" as const,
};

describe("checkInteraction", () => {
  it("builds the API body: RFC 3339 time, trimmed summary, unique participants", () => {
    const { errors, body } = checkInteraction(draft, NOW);
    expect(errors).toEqual({});
    expect(body).toEqual({
      kind: "meeting",
      occurred_at: new Date("2026-06-09T10:30").toISOString(),
      summary: "Renewal talk",
      employee_ids: ["u1"],
      contact_ids: ["c1"],
      on_behalf_of: "person",
    });
  });

  it("sends a complaint status only with a complaint", () => {
    expect(checkInteraction({ ...draft, kind: "complaint" }, NOW).body?.complaint_status).toBe(
      "open",
    );
    expect(checkInteraction(draft, NOW).body).not.toHaveProperty("complaint_status");
  });

  it("sends a complaint's follow-up owner and date, and nothing of it otherwise", () => {
    const complaint = {
      ...draft,
      kind: "complaint" as const,
      followUpOwnerId: "u1",
      followUpDue: "2026-06-20",
    };
    expect(checkInteraction(complaint, NOW).body).toMatchObject({
      follow_up_owner_id: "u1",
      follow_up_due: "2026-06-20",
    });
    const meeting = checkInteraction({ ...complaint, kind: "meeting" }, NOW).body;
    expect(meeting).not.toHaveProperty("follow_up_owner_id");
  });

  it("sends what was done with a complaint logged as resolved, and no follow-up then", () => {
    const resolved = checkInteraction(
      {
        ...draft,
        kind: "complaint",
        complaintStatus: "resolved",
        followUpOwnerId: "u1",
        resolution: "  Refunded the fee. ",
      },
      NOW,
    ).body;
    expect(resolved).toMatchObject({
      complaint_status: "resolved",
      resolution: "Refunded the fee.",
    });
    expect(resolved).not.toHaveProperty("follow_up_owner_id");
    const open = checkInteraction(
      { ...draft, kind: "complaint", resolution: "Refunded the fee." },
      NOW,
    ).body;
    expect(open).not.toHaveProperty("resolution");
  });

  it("allows the past but not more than a day ahead", () => {
    expect(checkInteraction({ ...draft, occurredAt: "2020-01-01T08:00" }, NOW).errors).toEqual({});
    expect(
      checkInteraction({ ...draft, occurredAt: "2026-06-12T12:00" }, NOW).errors.occurred_at,
    ).toMatch(/future/);
    expect(checkInteraction({ ...draft, occurredAt: "" }, NOW).errors.occurred_at).toBeTruthy();
  });

  it("needs our side for a personal tie, and somebody for an institutional one", () => {
    expect(checkInteraction({ ...draft, employeeIds: [] }, NOW).errors.employee_ids).toBeTruthy();
    expect(
      checkInteraction({ ...draft, employeeIds: [], onBehalfOf: "organisation" }, NOW).errors,
    ).toEqual({});
    expect(
      checkInteraction(
        { ...draft, employeeIds: [], contactIds: [], onBehalfOf: "organisation" },
        NOW,
      ).errors.employee_ids,
    ).toBeTruthy();
  });

  it("needs a summary", () => {
    expect(checkInteraction({ ...draft, summary: "   " }, NOW).errors.summary).toBeTruthy();
  });
});

describe("helpers", () => {
  it("toggles ids keeping order", () => {
    expect(toggleId(["a", "b"], "c")).toEqual(["a", "b", "c"]);
    expect(toggleId(["a", "b", "c"], "b")).toEqual(["a", "c"]);
  });
  it("knows an open complaint", () => {
    const base = { kind: "complaint", complaint_status: "open" } as Interaction;
    expect(isOpenComplaint(base)).toBe(true);
    expect(isOpenComplaint({ ...base, complaint_status: "resolved" })).toBe(false);
    expect(isOpenComplaint({ ...base, kind: "call" })).toBe(false);
  });
});
