import { z } from 'zod';
import { trimmedString } from '../text.js';
import { IdSchema } from '../ids.js';

/** A saved version of a plan (the list shows these). */
export const PlanVersionSchema = z.object({
  /** Opaque id. */
  id: IdSchema,
  /** The name a person gave it; null for automatic versions. */
  name: z.string().nullable(),
  /** `named` (saved by a person) or `auto` (at most one an hour of activity). */
  kind: z.enum(['named', 'auto']),
  /** When it was saved (ISO 8601, UTC). */
  createdAt: z.string(),
  /** Who saved it (for automatic ones, whose edit triggered it), or null. */
  author: z.object({ id: IdSchema, name: z.string() }).nullable(),
});
/** A plan version. */
export type PlanVersion = z.infer<typeof PlanVersionSchema>;

/** Body of "save a named version". */
export const CreatePlanVersionInputSchema = z.object({
  /** What the version is, e.g. "Draft sent to donors". */
  name: trimmedString().min(1).max(120),
});
/** Input of "save a named version". */
export type CreatePlanVersionInput = z.infer<typeof CreatePlanVersionInputSchema>;

/** One version opened read-only. */
export const PlanVersionContentSchema = z.object({
  /** The version. */
  version: PlanVersionSchema,
  /** Its content as ProseMirror JSON (render with the plan's extensions, not editable). */
  content: z.record(z.string(), z.unknown()),
  /** Its plain text, one line per block. */
  text: z.string(),
  /** Its Markdown. */
  markdown: z.string(),
});

/** A version compared with the current plan, line by line on the plain text. */
export const PlanVersionComparisonSchema = z.object({
  /** The version compared. */
  version: PlanVersionSchema,
  /** Lines from the version (`removed`) to the current plan (`added`), with common ones. */
  diff: z.array(z.object({ op: z.enum(['equal', 'added', 'removed']), text: z.string() })),
});
