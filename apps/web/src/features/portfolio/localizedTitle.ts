import type { Locale } from '@mesa/shared';

/** Anything with an English and a Spanish title. */
export interface Bilingual {
  /** English title. */
  titleEn: string;
  /** Spanish title. */
  titleEs: string;
}

/** The title in the given language. */
export function localizedTitle(item: Bilingual, locale: Locale): string {
  return locale === 'es' ? item.titleEs : item.titleEn;
}

/** "BB1 — Title" in the given language; the title alone when there is no code. */
export function codedTitle(item: Bilingual & { code: string | null }, locale: Locale): string {
  const title = localizedTitle(item, locale);
  return item.code ? `${item.code} — ${title}` : title;
}

/** The other interface language, whose title a page shows as a secondary line. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'es' ? 'en' : 'es';
}
