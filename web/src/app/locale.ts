/**
 * The language the app speaks, as state of the whole app: where it starts, how a choice is
 * kept, and how a change reaches the catalogues, `<html lang>` and the API client (which asks
 * for it with `Accept-Language` on every call, so flag explanations and problem titles come
 * back in it).
 */
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { ApiClient } from "../api/client";
import { ApiError } from "../api/problem";
import { applyLanguage, DEFAULT_LANGUAGE, languageOf, pickLanguage, type Language } from "../i18n";

/** Where this browser keeps the last language chosen, for the sign-in page and for servers
 * that do not keep a user's preference. */
export const LANGUAGE_STORAGE_KEY = "continuity.language";

export interface LocaleValue {
  language: Language;
  /** Switches the app to `language` and keeps the choice (in the user's profile when signed in). */
  choose: (language: Language) => void;
}

export const LocaleContext = createContext<LocaleValue>({
  language: DEFAULT_LANGUAGE,
  choose: () => undefined,
});

export function useLocale(): LocaleValue {
  return useContext(LocaleContext);
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage disabled: the choice lasts until the page is closed.
  }
}

export function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * Saves the user's language on the server (`PATCH /me {locale}`) and reads `/me` again so the
 * stored session knows it. Resolves false when the server does not keep it (an older server
 * answers 404, 405 or 422): the browser's own memory of the choice then serves.
 */
export async function saveLanguagePreference(
  client: ApiClient,
  language: Language,
): Promise<boolean> {
  try {
    await client.patch("/me", { locale: language });
  } catch (error) {
    if (error instanceof ApiError) return false;
    throw error;
  }
  await client.me().catch(() => undefined);
  return true;
}

/**
 * The app's language: the user's preference (`preference`, from `/me`), else the choice kept
 * in this browser, else the browser's languages, else English. A preference that `/me`
 * answers later (at sign-in, or changed elsewhere) takes over.
 */
export function useLanguageState(
  client: ApiClient,
  preference: string | null | undefined,
): LocaleValue {
  const [language, setLanguage] = useState<Language>(() => {
    const first = pickLanguage({
      preference,
      stored: storedLanguage(),
      browser: browserLanguages(),
    });
    apply(client, first);
    return first;
  });

  const switchTo = (next: Language) => {
    // Before the state changes, so that the render it causes already speaks `next`.
    apply(client, next);
    setLanguage(next);
  };

  useEffect(() => {
    const preferred = languageOf(preference);
    if (preferred && preferred !== language) switchTo(preferred);
  }, [preference]);

  return {
    language,
    choose: (next) => {
      storeLanguage(next);
      if (next !== language) switchTo(next);
      if (client.session) void saveLanguagePreference(client, next).catch(() => false);
    },
  };
}

function apply(client: ApiClient, language: Language): void {
  applyLanguage(language, browserLanguages());
  client.setLanguage(language);
}
