import { describe, expect, it } from "vitest";
import type { Attendee, ClientEvent } from "../../src/api/types";
import {
  checkEvent,
  draftFromEvent,
  emptyEventDraft,
  eventPatch,
  groupAttendees,
  toggleAttendee,
} from "../../src/app/events";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const at = (contact: string, account: string, accountName = `Acc ${account}`): Attendee => ({
  contact_id: contact,
  contact_name: `Contact ${contact}`,
  account_id: account,
  account_name: accountName,
});

describe("the client-event form", () => {
  const draft = {
    ...emptyEventDraft(new Date(NOW - 3_600_000)),
    name: "  Client day 2026 ",
    employeeIds: ["u1", "u1", "u2"],
    attendees: [at("c1", "a1"), at("c2", "a2"), at("c3", "a3")],
  };

  it("builds the API body with the contacts of every picked account", () => {
    const { errors, body } = checkEvent(draft, NOW);
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      name: "Client day 2026",
      kind: "client_day",
      summary: "",
      employee_ids: ["u1", "u2"],
      contact_ids: ["c1", "c2", "c3"],
    });
    expect(Date.parse(body!.occurred_at)).toBeLessThanOrEqual(NOW);
  });

  it("asks for a name, a time no more than a day ahead and at least one attendee", () => {
    const { errors, body } = checkEvent(
      { ...draft, name: " ", occurredAt: "2026-11-26T10:00", attendees: [] },
      NOW,
    );
    expect(body).toBeNull();
    expect(errors).toEqual({
      name: "Name the event.",
      occurred_at: "Cannot be more than a day in the future.",
      contact_ids: "Pick at least one client contact.",
    });
  });

  it("starts editing from the stored event", () => {
    const event: ClientEvent = {
      id: "e1",
      name: "Seminar",
      kind: "seminar",
      occurred_at: "2026-11-20T09:30:00Z",
      summary: "Rates outlook",
      status: "open",
      employee_ids: ["u1"],
      attendees: [at("c1", "a1")],
      account_ids: ["a1"],
      hidden_attendees: 0,
      created_by: "u1",
      created_at: "2026-11-20T10:00:00Z",
      updated_at: "2026-11-20T10:00:00Z",
      version: 1,
    };
    const d = draftFromEvent(event);
    expect(d).toMatchObject({ name: "Seminar", kind: "seminar", summary: "Rates outlook" });
    const body = checkEvent(d, NOW).body!;
    expect(body.occurred_at).toBe("2026-11-20T09:30:00.000Z");
    // The kind is fixed once recorded: a change does not send it.
    expect(eventPatch(body)).not.toHaveProperty("kind");
    expect(eventPatch(body)).toMatchObject({ name: "Seminar", contact_ids: ["c1"] });
  });
});

describe("attendees", () => {
  it("toggle one contact at a time", () => {
    const one = toggleAttendee([], at("c1", "a1"));
    expect(one.map((a) => a.contact_id)).toEqual(["c1"]);
    expect(toggleAttendee(one, at("c1", "a1"))).toEqual([]);
  });

  it("group per account, accounts and contacts by name", () => {
    const groups = groupAttendees([
      at("c3", "a2", "Zephyr"),
      at("c1", "a1", "Atlas"),
      at("c2", "a2", "Zephyr"),
    ]);
    expect(groups.map((g) => [g.account_name, g.contacts.map((c) => c.contact_id)])).toEqual([
      ["Atlas", ["c1"]],
      ["Zephyr", ["c2", "c3"]],
    ]);
  });
});
