import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { LocalizedTextSchema } from '../schemas/localized.js';

/**
 * The `user` field of every awareness state in a collaborative document. The server writes it
 * from the session into each state a client sends (a client's own value is replaced), so a
 * caret or a presence entry names who really typed. The organization's name travels in every
 * language: each reader labels carets in their own.
 */
export const AwarenessUserSchema = z.object({
  /** The person's id (their tabs count as one person). */
  id: IdSchema,
  /** Display name, from their account. */
  name: z.string(),
  /** Their organization. */
  organizationId: IdSchema,
  /** Their organization's name in each language. */
  organization: LocalizedTextSchema,
  /** Caret colour (#rrggbb), chosen by the server from the organization. */
  color: z.string(),
});

/** The server-stamped awareness `user`. */
export type AwarenessUser = z.infer<typeof AwarenessUserSchema>;
