/** The "add interaction" form: checks a draft and builds the API body. */
import type { Interaction, InteractionKind } from "../api/types";
import { fromDateTimeLocal } from "./forms";
import { t } from "../i18n";

export interface InteractionDraft {
  kind: InteractionKind;
  /** `datetime-local` value, local time. */
  occurredAt: string;
  summary: string;
  employeeIds: string[];
  contactIds: string[];
  onBehalfOf: "person" | "organisation";
  complaintStatus: "open" | "resolved";
  /** Complaints: who on the account team follows up, and by when (`YYYY-MM-DD`). */
  followUpOwnerId?: string;
  followUpDue?: string;
  /** A complaint logged as already resolved: what was done. */
  resolution?: string;
}

export interface InteractionBody {
  kind: InteractionKind;
  occurred_at: string;
  summary: string;
  employee_ids: string[];
  contact_ids: string[];
  on_behalf_of: "person" | "organisation";
  complaint_status?: "open" | "resolved";
  follow_up_owner_id?: string;
  follow_up_due?: string;
  resolution?: string;
}

const DAY_MS = 86_400_000;
export const SUMMARY_MAX = 5000;

/**
 * Checks a draft the way the server will (PRODUCT.md: `occurred_at` may lie in the
 * past, not more than a day in the future), so most mistakes show before sending.
 */
export function checkInteraction(
  draft: InteractionDraft,
  now: number = Date.now(),
): { errors: Record<string, string>; body: InteractionBody | null } {
  const errors: Record<string, string> = {};
  const occurredAt = fromDateTimeLocal(draft.occurredAt);
  if (!occurredAt) errors.occurred_at = t("interactionForm.enterWhenItHappened");
  else if (Date.parse(occurredAt) > now + DAY_MS)
    errors.occurred_at = t("interactionForm.cannotBeMoreThanA");
  const summary = draft.summary.trim();
  if (!summary) errors.summary = t("interactionForm.sayInALineWhat");
  else if (summary.length > SUMMARY_MAX)
    errors.summary = t("interactionForm.keepItUnderSummaryMax", { max: SUMMARY_MAX });
  if (
    draft.kind === "complaint" &&
    draft.complaintStatus === "open" &&
    draft.followUpDue &&
    !/^\d{4}-\d{2}-\d{2}$/.test(draft.followUpDue)
  )
    errors.follow_up_due = t("common.enterDate");
  if (draft.employeeIds.length === 0 && draft.onBehalfOf === "person")
    errors.employee_ids = t("interactionForm.chooseWhoFromOurSide");
  else if (draft.employeeIds.length === 0 && draft.contactIds.length === 0)
    errors.employee_ids = t("interactionForm.nameAtLeastOneParticipant");
  if (Object.keys(errors).length > 0 || !occurredAt) return { errors, body: null };
  const body: InteractionBody = {
    kind: draft.kind,
    occurred_at: occurredAt,
    summary,
    employee_ids: [...new Set(draft.employeeIds)],
    contact_ids: [...new Set(draft.contactIds)],
    on_behalf_of: draft.onBehalfOf,
  };
  if (draft.kind === "complaint") {
    body.complaint_status = draft.complaintStatus;
    if (draft.complaintStatus === "open") {
      if (draft.followUpOwnerId) body.follow_up_owner_id = draft.followUpOwnerId;
      if (draft.followUpDue) body.follow_up_due = draft.followUpDue;
    } else if (draft.resolution?.trim()) {
      body.resolution = draft.resolution.trim();
    }
  }
  return { errors, body };
}

export function isOpenComplaint(interaction: Interaction): boolean {
  return interaction.kind === "complaint" && interaction.complaint_status === "open";
}

/** Adds or removes an id from a selection, keeping order. */
export function toggleId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}
