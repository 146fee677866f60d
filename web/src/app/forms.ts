/** Parsing and checking form input before it reaches the API. */
import { formattingLocale } from "../i18n";

/** Digits after the decimal point of an ISO currency (EUR 2, JPY 0, …). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** The decimal separator of a locale: "," for nl-NL, "." for en-GB. */
export function decimalSeparator(locale: string = formattingLocale()): string {
  return (
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? "."
  );
}

/**
 * Turns what a person typed as an amount into integer minor units of `currency`; null when it
 * is not an amount. Read in `locale` ("1.250.000,50" in Dutch, "1,250,000.50" in English),
 * forgiving the other habit where it cannot be misread: with both marks the last one is the
 * decimal point, and the locale's grouping mark counts as a decimal point unless every
 * occurrence is followed by three digits ("12.5" is twelve and a half in Dutch too).
 */
export function parseMoneyInput(
  text: string,
  currency = "EUR",
  locale: string = formattingLocale(),
): number | null {
  const cleaned = text.trim().replace(/[\s'_\u00a0\u202f]/g, "");
  if (!/^\d[\d.,]*$/.test(cleaned)) return null;
  const decimal = decimalSeparator(locale) === "," ? "," : ".";
  const grouping = decimal === "," ? "." : ",";
  let decimalMark: string | null = null;
  if (cleaned.includes(",") && cleaned.includes(".")) {
    decimalMark = cleaned.lastIndexOf(",") > cleaned.lastIndexOf(".") ? "," : ".";
  } else if (cleaned.includes(decimal)) {
    decimalMark = decimal;
  } else if (cleaned.includes(grouping)) {
    const groups = cleaned.split(grouping).slice(1);
    decimalMark = groups.every((g) => /^\d{3}$/.test(g)) ? null : grouping;
  }
  const normalised =
    decimalMark === null
      ? cleaned.replace(/[.,]/g, "")
      : cleaned
          .split(decimalMark === "," ? "." : ",")
          .join("")
          .replace(decimalMark, ".");
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  const digits = currencyDigits(currency);
  const [whole, fraction = ""] = normalised.split(".");
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units back to an editable amount in `locale` (1250000.5 € → "1250000,50" in Dutch). */
export function minorToInput(
  minor: number | null | undefined,
  currency = "EUR",
  locale: string = formattingLocale(),
): string {
  if (minor == null || !Number.isFinite(minor)) return "";
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  return (minor / 10 ** digits).toFixed(digits).replace(".", decimalSeparator(locale));
}

export function isCurrencyCode(text: string): boolean {
  return /^[A-Z]{3}$/.test(text);
}

/** Today as `YYYY-MM-DD` in local time. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A `datetime-local` input's value for a moment (local time, minutes). */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${today(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value to RFC 3339 (UTC); null when unreadable. */
export function fromDateTimeLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An empty text field means "no value" to the API. */
export function orNull(text: string): string | null {
  const t = text.trim();
  return t === "" ? null : t;
}
