/** Reading the audit trail: which fields an entry changed, in words. */
import type { AuditEntry } from "../api/types";
import { humanise } from "./format";

/** Top-level fields whose value differs between `before` and `after` (ignoring bookkeeping). */
export function changedFields(before: unknown, after: unknown): string[] {
  const ignore = new Set(["version", "updated_at", "created_at", "id"]);
  const b = before && typeof before === "object" ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === "object" ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => !ignore.has(k))
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .sort();
}

/** "updated contact: left at, job title" */
export function describeAudit(entry: AuditEntry): string {
  const what = `${entry.action.replace(/_/g, " ")} ${entry.entity.replace(/_/g, " ")}`;
  const fields =
    entry.before != null && entry.after != null ? changedFields(entry.before, entry.after) : [];
  return fields.length
    ? `${what}: ${fields.map((f) => humanise(f).toLowerCase()).join(", ")}`
    : what;
}
