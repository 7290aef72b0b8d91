import type { Locale, LocalizedText } from '@mesa/shared';

/**
 * Orders things named in every language by their name in the reader's language, as that
 * language sorts (accents and case included): "Alemania" before "España" for a Spanish
 * reader, "Germany" after "European Union" for an English one.
 */
export function byLocalizedName<T>(
  locale: Locale,
  nameOf: (item: T) => LocalizedText,
): (a: T, b: T) => number {
  const collator = new Intl.Collator(locale);
  return (a, b) => collator.compare(nameOf(a)[locale], nameOf(b)[locale]);
}

/** A sorted copy of organizations (or anything with a `name` in every language). */
export function sortByName<T extends { name: LocalizedText }>(
  items: readonly T[],
  locale: Locale,
): T[] {
  return [...items].sort(byLocalizedName(locale, (item) => item.name));
}
