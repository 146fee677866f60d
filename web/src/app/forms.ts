/** Parsing and checking form input before it reaches the API. */

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

/**
 * Turns what a person typed as an amount ("1,250,000.50", "1 250 000", "12.5") into
 * integer minor units of `currency`; null when it is not an amount.
 */
export function parseMoneyInput(text: string, currency = "EUR"): number | null {
  const cleaned = text.trim().replace(/[\s,'_\u00a0\u202f]/g, "");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const digits = currencyDigits(currency);
  const [whole, fraction = ""] = cleaned.split(".");
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units back to an editable amount ("1250000.5" → "1250000.50"). */
export function minorToInput(minor: number | null | undefined, currency = "EUR"): string {
  if (minor == null || !Number.isFinite(minor)) return "";
  const digits = currencyDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
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
