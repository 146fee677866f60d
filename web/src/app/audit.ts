/** Reading the audit trail: which fields an entry changed, in words. */
import type { AuditEntry } from "../api/types";
import { t } from "../i18n";
import { humanise } from "./format";
import { codeText } from "./labels";

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

const words = (code: string) => code.replace(/_/g, " ");

/** "update contact: left at, job title" ("contactpersoon gewijzigd: vertrokken op, functie") */
export function describeAudit(entry: AuditEntry): string {
  const what = t("history.entry", {
    action: codeText("auditAction", entry.action) ?? words(entry.action),
    entity: codeText("auditEntity", entry.entity) ?? words(entry.entity),
  });
  const fields =
    entry.before != null && entry.after != null ? changedFields(entry.before, entry.after) : [];
  if (!fields.length) return what;
  const named = fields.map((f) => codeText("field", f) ?? humanise(f).toLowerCase());
  return t("history.entryFields", { what, fields: named.join(", ") });
}
