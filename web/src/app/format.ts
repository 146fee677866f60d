/** Formats integer minor units of an ISO currency, e.g. (123456, "EUR") → "€1,234.56". */
export function formatMoney(
  minor: number | null | undefined,
  currency = "EUR",
  locale?: string,
): string {
  if (minor == null || !Number.isFinite(minor)) return "—";
  try {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** Compact money for dashboard tiles: "€1.2M". */
export function formatMoneyCompact(
  minor: number | null | undefined,
  currency = "EUR",
  locale?: string,
): string {
  if (minor == null || !Number.isFinite(minor)) return "—";
  try {
    const digits =
      new Intl.NumberFormat(locale, { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      notation: "compact",
      maximumFractionDigits: 1,
    }).format(minor / 10 ** digits);
  } catch {
    return formatMoney(minor, currency, locale);
  }
}

export function formatDate(value: string | null | undefined, locale?: string): string {
  if (!value) return "—";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(locale, { year: "numeric", month: "short", day: "numeric" });
}

export function formatPercent(share: number | null | undefined): string {
  if (share == null || !Number.isFinite(share)) return "—";
  return `${Math.round(share * 100)} %`;
}

/** "sales_lead" → "Sales lead". */
export function humanise(code: string | null | undefined): string {
  if (!code) return "—";
  const text = code.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
