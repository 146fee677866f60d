/** The client-event form: checks a draft, builds the API body, groups attendees by account. */
import type { Attendee, ClientEvent, EventKind } from "../api/types";
import { fromDateTimeLocal, toDateTimeLocal } from "./forms";
import { SUMMARY_MAX } from "./interactions";
import { t } from "../i18n";

export interface EventDraft {
  name: string;
  kind: EventKind;
  /** `datetime-local` value, local time. */
  occurredAt: string;
  summary: string;
  employeeIds: string[];
  /** Contacts picked across accounts, with their account for display. */
  attendees: Attendee[];
}

export interface EventBody {
  name: string;
  kind: EventKind;
  occurred_at: string;
  summary: string;
  employee_ids: string[];
  contact_ids: string[];
}

/** What a change may carry: everything but the kind, which is fixed once recorded. */
export type EventPatch = Omit<EventBody, "kind">;

export function eventPatch(body: EventBody): EventPatch {
  return {
    name: body.name,
    occurred_at: body.occurred_at,
    summary: body.summary,
    employee_ids: body.employee_ids,
    contact_ids: body.contact_ids,
  };
}

const DAY_MS = 86_400_000;
export const EVENT_NAME_MAX = 200;

export function emptyEventDraft(now: Date = new Date()): EventDraft {
  return {
    name: "",
    kind: "client_day",
    occurredAt: toDateTimeLocal(now),
    summary: "",
    employeeIds: [],
    attendees: [],
  };
}

export function draftFromEvent(event: ClientEvent): EventDraft {
  return {
    name: event.name,
    kind: event.kind,
    occurredAt: toDateTimeLocal(new Date(event.occurred_at)),
    summary: event.summary ?? "",
    employeeIds: [...event.employee_ids],
    attendees: [...event.attendees],
  };
}

/**
 * Checks a draft as the server will (an event, like an interaction, may lie in the past
 * but not more than a day in the future), so most mistakes show before sending.
 */
export function checkEvent(
  draft: EventDraft,
  now: number = Date.now(),
): { errors: Record<string, string>; body: EventBody | null } {
  const errors: Record<string, string> = {};
  const name = draft.name.trim();
  if (!name) errors.name = t("eventForm.nameTheEvent");
  else if (name.length > EVENT_NAME_MAX)
    errors.name = t("eventForm.keepItUnderEventName", { max: EVENT_NAME_MAX });
  const occurredAt = fromDateTimeLocal(draft.occurredAt);
  if (!occurredAt) errors.occurred_at = t("eventForm.enterWhenItTookPlace");
  else if (Date.parse(occurredAt) > now + DAY_MS)
    errors.occurred_at = t("eventForm.cannotBeMoreThanA");
  if (draft.summary.trim().length > SUMMARY_MAX)
    errors.summary = t("eventForm.keepItUnderSummaryMax", { max: SUMMARY_MAX });
  if (draft.attendees.length === 0) errors.contact_ids = t("eventForm.pickAtLeastOneClient");
  if (Object.keys(errors).length > 0 || !occurredAt) return { errors, body: null };
  return {
    errors,
    body: {
      name,
      kind: draft.kind,
      occurred_at: occurredAt,
      summary: draft.summary.trim(),
      employee_ids: [...new Set(draft.employeeIds)],
      contact_ids: [...new Set(draft.attendees.map((a) => a.contact_id))],
    },
  };
}

/** Adds an attendee, or removes them when already picked. */
export function toggleAttendee(attendees: readonly Attendee[], attendee: Attendee): Attendee[] {
  return attendees.some((a) => a.contact_id === attendee.contact_id)
    ? attendees.filter((a) => a.contact_id !== attendee.contact_id)
    : [...attendees, attendee];
}

export interface AttendingAccount {
  account_id: string;
  account_name: string;
  contacts: Attendee[];
}

/** Attendees grouped per account, accounts and contacts by name. */
export function groupAttendees(attendees: readonly Attendee[]): AttendingAccount[] {
  const byAccount = new Map<string, AttendingAccount>();
  for (const a of attendees) {
    let group = byAccount.get(a.account_id);
    if (!group) {
      group = { account_id: a.account_id, account_name: a.account_name, contacts: [] };
      byAccount.set(a.account_id, group);
    }
    group.contacts.push(a);
  }
  const byName = (x: string, y: string) => x.localeCompare(y);
  const groups = [...byAccount.values()].sort((x, y) => byName(x.account_name, y.account_name));
  for (const g of groups) g.contacts.sort((x, y) => byName(x.contact_name, y.contact_name));
  return groups;
}
