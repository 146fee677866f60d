/** The accounts list's filters, kept in the address bar so a filtered list can be shared. */
import type { QueryValue } from "../api/client";
import { t } from "../i18n";

export interface AccountFilters {
  q: string;
  team_id: string;
  tier: string;
  flag: string;
  status: string;
  /** "true" or "false": accounts with or without an institutional tie in the last 12 months. */
  institutional_tie: string;
  sort: string;
}

/** The sort orders the list offers, in the app's language. */
export function sortOptions(): { value: string; label: string }[] {
  return [
    { value: "-exposure", label: t("accounts.sort.exposureDesc") },
    { value: "exposure", label: t("accounts.sort.exposureAsc") },
    { value: "-score", label: t("accounts.sort.scoreDesc") },
    { value: "-annual_value", label: t("accounts.sort.valueDesc") },
    { value: "name", label: t("accounts.sort.nameAsc") },
    { value: "-name", label: t("accounts.sort.nameDesc") },
  ];
}

export const DEFAULT_SORT = "name";

const KEYS: readonly (keyof AccountFilters)[] = [
  "q",
  "team_id",
  "tier",
  "flag",
  "status",
  "institutional_tie",
  "sort",
];
const ALLOWED_SORTS = new Set([
  "name",
  "-name",
  "exposure",
  "-exposure",
  "score",
  "-score",
  "annual_value",
  "-annual_value",
]);

export function parseAccountFilters(search: string): AccountFilters {
  const params = new URLSearchParams(search);
  const get = (k: string) => (params.get(k) ?? "").trim();
  const sort = get("sort");
  return {
    q: get("q"),
    team_id: get("team_id"),
    tier: /^[ABC]$/.test(get("tier")) ? get("tier") : "",
    flag: /^[a-z_]+$/.test(get("flag")) ? get("flag") : "",
    status: get("status") === "active" || get("status") === "churned" ? get("status") : "",
    institutional_tie: /^(true|false)$/.test(get("institutional_tie"))
      ? get("institutional_tie")
      : "",
    sort: ALLOWED_SORTS.has(sort) ? sort : DEFAULT_SORT,
  };
}

/** The address bar's query string for these filters ("" when nothing is set). */
export function accountFiltersToSearch(filters: AccountFilters): string {
  const params = new URLSearchParams();
  for (const k of KEYS) {
    const v = filters[k].trim();
    if (v && !(k === "sort" && v === DEFAULT_SORT)) params.set(k, v);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}

/** The API query: only the filters that are set (the server refuses unknown empty ones). */
export function accountQuery(filters: AccountFilters): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  for (const k of KEYS) {
    const v = filters[k].trim();
    if (v) query[k] = v;
  }
  return query;
}

export function hasFilters(filters: AccountFilters): boolean {
  return KEYS.some((k) => k !== "sort" && filters[k].trim() !== "");
}

/** Every filter cleared, keeping the sort order. */
export function clearedFilters(filters: AccountFilters): AccountFilters {
  const cleared = { ...filters };
  for (const k of KEYS) if (k !== "sort") cleared[k] = "";
  return cleared;
}
