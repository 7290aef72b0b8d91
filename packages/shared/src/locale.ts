import { z } from 'zod';

/** The interface languages Mesa ships. */
export const Locales = ['en', 'es'] as const;

/** A supported interface and content language. */
export const LocaleSchema = z.enum(Locales);

/** `en` or `es`. */
export type Locale = z.infer<typeof LocaleSchema>;
