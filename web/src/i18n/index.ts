/**
 * The app's words, in Dutch and English, through i18next (plurals by `Intl.PluralRules`:
 * a key `x` with a count reads `x_one` or `x_other`). Every user-visible string lives in
 * `en.json` and `nl.json`; `tests/unit/catalogues.test.ts` fails when a key is missing from
 * either, and `tests/unit/hardcoded-strings.test.ts` when a screen writes text outside them.
 * The Dutch follows web/GLOSSARY.md and addresses the reader as "u".
 *
 * The language is the signed-in user's preference (`locale` of `GET /me`), else the one last
 * chosen in this browser, else the browser's own (`navigator.languages`), else English.
 * Dates, numbers and money are formatted by `Intl` in {@link formattingLocale}.
 */
import i18next from "i18next";
import en from "./en.json";
import nl from "./nl.json";

export type Language = "nl" | "en";
export const LANGUAGES: readonly Language[] = ["nl", "en"];
export const DEFAULT_LANGUAGE: Language = "en";

/** The region each language formats in when the browser names none of its own. */
const DEFAULT_REGION: Record<Language, string> = { nl: "nl-NL", en: "en-GB" };

export const resources = { en: { translation: en }, nl: { translation: nl } } as const;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

const i18n = i18next.createInstance();
void i18n.init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  // The catalogues are bundled: translate from the first render, no waiting.
  initAsync: false,
  // Preact escapes what it renders.
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

/** Translates a catalogue key; member functions of i18next are bound, so this can be passed around. */
export const t = i18n.t;

/**
 * Translates a key built at run time (`codes.flag.${code}`), which the typed {@link t} does
 * not know; undefined when the catalogues have no such key (a code the server added since).
 */
export function messageFor(key: string, options?: Record<string, unknown>): string | undefined {
  if (!i18n.exists(key)) return undefined;
  return (i18n.t as unknown as (key: string, options?: Record<string, unknown>) => string)(
    key,
    options,
  );
}

let browserLanguages: readonly string[] = [];

/** The language the app speaks now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** `nl-BE` → "nl"; null for a language the app does not speak. */
export function languageOf(tag: string | null | undefined): Language | null {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : null;
}

/**
 * The language to speak: the user's preference, else the one chosen earlier in this browser,
 * else the first of the browser's languages the app speaks, else English.
 */
export function pickLanguage(sources: {
  preference?: string | null;
  stored?: string | null;
  browser?: readonly string[];
}): Language {
  for (const choice of [sources.preference, sources.stored]) {
    const language = languageOf(choice);
    if (language) return language;
  }
  for (const tag of sources.browser ?? []) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The locale dates, numbers and money are formatted in: the browser's own variant of the
 * language when it names one with a region (`en-US`, `nl-BE`), else `nl-NL` or `en-GB`.
 */
export function formattingLocale(
  language: Language = currentLanguage(),
  browser: readonly string[] = browserLanguages,
): string {
  const own = browser.find((tag) => /-[A-Za-z]{2}$/.test(tag) && languageOf(tag) === language);
  return own ?? DEFAULT_REGION[language];
}

/**
 * Switches the catalogues and `<html lang>`; `browser` (the browser's languages) picks the
 * formatting region. Synchronous: the catalogues are bundled.
 */
export function applyLanguage(language: Language, browser?: readonly string[]): void {
  if (browser) browserLanguages = browser;
  void i18n.changeLanguage(language);
  if (typeof document !== "undefined") document.documentElement.lang = language;
}
