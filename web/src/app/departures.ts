/** Departure plans: grouping handovers on the board, and whether a plan can be applied. */
import type { DeparturePlan, Handover } from "../api/types";

export type BoardColumn = "open" | "planned" | "introduced" | "done" | "waived";

/** The board's columns in order; their words are `codes.boardColumn` and `codes.boardColumnHint`. */
export const BOARD_COLUMNS: readonly BoardColumn[] = [
  "open",
  "planned",
  "introduced",
  "done",
  "waived",
];

export function handoverColumn(h: Handover): BoardColumn {
  if (h.waiver_reason) return "waived";
  if (h.status === "done") return "done";
  if (h.status === "introduced") return "introduced";
  return h.successor_id ? "planned" : "open";
}

export function groupHandovers(handovers: readonly Handover[]): Record<BoardColumn, Handover[]> {
  const groups: Record<BoardColumn, Handover[]> = {
    open: [],
    planned: [],
    introduced: [],
    done: [],
    waived: [],
  };
  for (const h of handovers) groups[handoverColumn(h)].push(h);
  return groups;
}

/** Accounts still without a successor or a waiver: applying the plan would orphan them. */
export function unresolvedHandovers(plan: DeparturePlan): Handover[] {
  return (plan.handovers ?? []).filter((h) => !h.successor_id && !h.waiver_reason);
}

export function isApplied(plan: DeparturePlan): boolean {
  return plan.status === "applied" || plan.status === "done";
}

export function isCancelled(plan: DeparturePlan): boolean {
  return plan.status === "cancelled";
}

/** Applied or cancelled: the board only reads. */
export function isClosed(plan: DeparturePlan): boolean {
  return isApplied(plan) || isCancelled(plan);
}

/** The tone of a plan's status badge. */
export function planTone(plan: DeparturePlan): "good" | "neutral" | "info" {
  if (isApplied(plan)) return "good";
  return isCancelled(plan) ? "neutral" : "info";
}
