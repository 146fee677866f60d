/**
 * Dates, numbers and money through `Intl`, in the locale of the app's language
 * (`formattingLocale()`: nl-NL writes "€ 1.234,56" and "4 dec 2026", en-GB "€1,234.56" and
 * "4 Dec 2026"). Every figure a page shows goes through these, charts and tables included.
 */
import { formattingLocale } from "../i18n";

/** Formats integer minor units of an ISO currency, e.g. (123456, "EUR") → "€ 1.234,56". */
export function formatMoney(
  minor: number | null | undefined,
  currency = "EUR",
  locale: string = formattingLocale(),
): string {
  if (minor == null || !Number.isFinite(minor)) return "—";
  try {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${formatNumber(minor / 100, 2, locale)} ${currency}`;
  }
}

/** Compact money for dashboard tiles: "€1.2M", "€ 1,2 mln.". */
export function formatMoneyCompact(
  minor: number | null | undefined,
  currency = "EUR",
  locale: string = formattingLocale(),
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

function toDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
}

/** A date or moment in `locale`'s words; the text itself when it is no date. */
function formatMoment(
  value: string | null | undefined,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string {
  if (!value) return "—";
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** A day: "4 dec 2026" (nl-NL), "4 Dec 2026" (en-GB). */
export function formatDate(
  value: string | null | undefined,
  locale: string = formattingLocale(),
): string {
  return formatMoment(value, locale, { year: "numeric", month: "short", day: "numeric" });
}

/** A day and its time: "4 dec 2026, 14:05". */
export function formatDateTime(
  value: string | null | undefined,
  locale: string = formattingLocale(),
): string {
  return formatMoment(value, locale, { dateStyle: "medium", timeStyle: "short" });
}

/** A short day for chart axes: "4 dec", "4 Dec". */
export function formatDay(value: string, locale: string = formattingLocale()): string {
  return formatMoment(value, locale, { month: "short", day: "numeric" });
}

/** A share 0–1 as a whole percentage: "45%" (the locale decides the spacing). */
export function formatPercent(
  share: number | null | undefined,
  locale: string = formattingLocale(),
): string {
  if (share == null || !Number.isFinite(share)) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(
    share,
  );
}

/** A figure with a fixed number of decimals: "1,5" (nl), "1.5" (en). */
export function formatNumber(
  value: number | null | undefined,
  digits = 0,
  locale: string = formattingLocale(),
): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Items joined as a sentence does: "EUR and USD", "EUR en USD". */
export function formatList(items: readonly string[], locale: string = formattingLocale()): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
}

/** "sales_lead" → "Sales lead": the last resort for a code the catalogues do not know. */
export function humanise(code: string | null | undefined): string {
  if (!code) return "—";
  const text = code.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
