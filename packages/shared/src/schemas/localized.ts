import { z } from 'zod';
import type { Locale } from '../locale.js';
import { trimmedString } from '../text.js';

/**
 * A text in every interface language, keyed by locale: `name[locale]` is what a reader sees.
 * Names of organizations use it (programs predate it and keep `titleEn`/`titleEs`); adding a
 * language adds a key here and the compiler lists every place that must fill it.
 */
export const LocalizedTextSchema = z.object({
  /** English. */
  en: z.string(),
  /** Spanish. */
  es: z.string(),
}) satisfies z.ZodType<Record<Locale, string>>; // a locale without a text would not compile

/** A text in English and Spanish. */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * An input text in every language, each trimmed and required: a bilingual reader expects each
 * place to show the name in their own language, so there is no fallback to the other one.
 */
export function localizedInput(maxLength: number) {
  return z.strictObject({
    /** English. */
    en: trimmedString().min(1).max(maxLength),
    /** Spanish. */
    es: trimmedString().min(1).max(maxLength),
  });
}
