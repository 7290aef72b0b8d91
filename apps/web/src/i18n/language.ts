import { Locales, type Locale } from '@mesa/shared';

/** Where the chosen interface language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'mesa.language';

function toLocale(tag: string | null | undefined): Locale | undefined {
  const base = tag?.toLowerCase().split('-')[0];
  return Locales.find((locale) => locale === base);
}

/** Picks the interface language: the remembered choice, else the browser's first supported one, else English. */
export function detectLanguage(stored: string | null, preferred: readonly string[]): Locale {
  const remembered = toLocale(stored);
  if (remembered) return remembered;
  for (const tag of preferred) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}

/** Reads the remembered language; null when none or when storage is blocked (private modes). */
export function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers the chosen language; a blocked storage only means the choice is not remembered. */
export function storeLanguage(locale: Locale): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // Storage can be disabled by policy on managed government machines; the switch still works.
  }
}

/** Narrows an i18next language string to a supported locale, English when unknown. */
export function asLocale(language: string | undefined): Locale {
  return toLocale(language) ?? 'en';
}
