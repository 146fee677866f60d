/** Pure helpers over the API's continuity figures (no I/O), shared by the pages. */
import type { AccountRisk, RiskBand, RiskSummary, TrendPoint } from "../api/types";
import { RISK_BANDS } from "../api/types";
import { t } from "../i18n";

/**
 * The band a 0–100 risk score falls in. The dashboard's `by_band` comes from the
 * server; this mirrors it for badges on single accounts.
 */
export function riskBand(score: number | null | undefined): RiskBand | null {
  if (score == null || !Number.isFinite(score)) return null;
  if (score >= 75) return "critical";
  if (score >= 50) return "high";
  if (score >= 25) return "medium";
  return "low";
}

export const BAND_TONE: Record<RiskBand, "good" | "info" | "warn" | "bad"> = {
  low: "good",
  medium: "info",
  high: "warn",
  critical: "bad",
};

/** Flags that mean the account can be lost with one person: shown first. */
const FLAG_ORDER = [
  "no_owner",
  "departing_holder",
  "champion_left",
  "key_person",
  "single_owner",
  "single_threaded",
  "single_contact",
  "open_complaint",
  "stale",
  "policy_breach",
];

export function sortFlags<T extends string | { code: string }>(flags: readonly T[]): T[] {
  const rank = (f: T) => {
    const i = FLAG_ORDER.indexOf(typeof f === "string" ? f : f.code);
    return i < 0 ? FLAG_ORDER.length : i;
  };
  return [...flags].sort((a, b) => rank(a) - rank(b));
}

export interface HeatMatrix {
  /** Our people (rows), strongest first. */
  rows: string[];
  /** Their contacts (columns), strongest first. */
  columns: string[];
  /** share[row][column], 0 when the pair has no thread. */
  share: number[][];
  /** The largest share in the matrix, for scaling colours. */
  max: number;
}

/**
 * The relationship matrix: our people × their contacts, each cell the pair's share
 * of the account's strength. People and contacts without a thread are still listed
 * (`extraRows` / `extraColumns`), so gaps show as empty cells.
 */
export function heatMatrix(
  threads: AccountRisk["threads"],
  extraRows: readonly string[] = [],
  extraColumns: readonly string[] = [],
): HeatMatrix {
  const rowTotals = new Map<string, number>();
  const columnTotals = new Map<string, number>();
  const cells = new Map<string, number>();
  for (const t of threads ?? []) {
    rowTotals.set(t.user_id, (rowTotals.get(t.user_id) ?? 0) + t.share);
    columnTotals.set(t.contact_id, (columnTotals.get(t.contact_id) ?? 0) + t.share);
    const key = `${t.user_id}\u0000${t.contact_id}`;
    cells.set(key, (cells.get(key) ?? 0) + t.share);
  }
  for (const r of extraRows) if (!rowTotals.has(r)) rowTotals.set(r, 0);
  for (const c of extraColumns) if (!columnTotals.has(c)) columnTotals.set(c, 0);
  const byTotal = (totals: Map<string, number>) =>
    [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const rows = byTotal(rowTotals);
  const columns = byTotal(columnTotals);
  let max = 0;
  const share = rows.map((r) =>
    columns.map((c) => {
      const v = cells.get(`${r}\u0000${c}`) ?? 0;
      if (v > max) max = v;
      return v;
    }),
  );
  return { rows, columns, share, max };
}

/** Cell colour intensity 0–1 for a share, relative to the matrix maximum. */
export function heatLevel(share: number, max: number): number {
  if (!(share > 0) || !(max > 0)) return 0;
  return Math.min(1, share / max);
}

/** The value-by-band chart's rows: every band, zero where the server reports none. */
export function bandSeries(summary: Pick<RiskSummary, "by_band">) {
  return RISK_BANDS.map((band) => {
    const row = summary.by_band?.find((b) => b.band === band);
    return {
      band,
      accounts: row?.accounts ?? 0,
      value_minor: row?.value_minor ?? 0,
      exposure_minor: row?.exposure_minor ?? 0,
    };
  });
}

/**
 * The trend chart's series. The flags are the day's flag counts added up (flags raised,
 * an upper bound on the accounts flagged).
 */
export function trendSeries(trend: readonly TrendPoint[] | undefined) {
  const points = [...(trend ?? [])].sort((a, b) => a.day.localeCompare(b.day));
  return {
    days: points.map((p) => p.day),
    exposure: points.map((p) => p.exposure_minor),
    keyPerson: points.map((p) => p.key_person_value_minor ?? null),
    flags: points.map((p) =>
      Object.values(p.flag_counts ?? {}).reduce((sum, n) => sum + (Number(n) || 0), 0),
    ),
    flagsLabel: t("dashboard.flagsRaised"),
  };
}

/**
 * The currency to label portfolio totals with: the most common among the accounts
 * shown. The totals add minor units as they are, so `mixed` lists every currency
 * when there is more than one (the page then says the totals are not converted).
 */
export function portfolioCurrency(accounts: readonly { currency: string }[] | undefined): {
  currency: string;
  mixed: string[];
} {
  const counts = new Map<string, number>();
  for (const a of accounts ?? []) counts.set(a.currency, (counts.get(a.currency) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    currency: ranked[0]?.[0] ?? "EUR",
    mixed: ranked.length > 1 ? ranked.map(([c]) => c).sort() : [],
  };
}
