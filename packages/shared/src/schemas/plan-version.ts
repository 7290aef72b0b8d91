import { z } from 'zod';
import { trimmedString } from '../text.js';
import { IdSchema } from '../ids.js';

/** A saved version of a plan (the list shows these). */
export const PlanVersionSchema = z.object({
  /** Opaque id. */
  id: IdSchema,
  /** Its number in the plan's history: 1 for the first version saved, automatic ones counted. */
  number: z.number().int().positive(),
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

/** How a row or cell of a compared table changed (`changed`: present on both sides, different). */
export const TableChangeOpSchema = z.enum(['equal', 'added', 'removed', 'changed']);

/** One cell of a compared table. */
export const TableDiffCellSchema = z.object({
  /** `changed`: its text differs; `added`/`removed`: the cell exists on one side only. */
  op: TableChangeOpSchema,
  /** Its text in the current plan (a removed cell: its text in the version). */
  text: z.string(),
  /** A changed cell's text in the version. */
  before: z.string().optional(),
  /** A header cell. */
  header: z.boolean(),
});

/** One row of a compared table. */
export const TableDiffRowSchema = z.object({
  /** `changed`: some of its cells differ; `added`/`removed`: the row exists on one side only. */
  op: TableChangeOpSchema,
  /** Its cells, in column order. */
  cells: z.array(TableDiffCellSchema),
});

/** One block of a comparison: a line of text, or a whole table with its changes marked. */
export const PlanDiffBlockSchema = z.discriminatedUnion('kind', [
  z.object({
    /** A paragraph or heading, as plain text. */
    kind: z.literal('text'),
    /** Kept, only in the current plan (`added`), or only in the version (`removed`). */
    op: z.enum(['equal', 'added', 'removed']),
    /** The line's text. */
    text: z.string(),
  }),
  z.object({
    /** A table, shown as a table. */
    kind: z.literal('table'),
    /** Kept, added, removed, or `changed` (compared row by row and cell by cell). */
    op: TableChangeOpSchema,
    /** Its rows, the version's removed ones among the current ones. */
    rows: z.array(TableDiffRowSchema),
  }),
]);
/** One block of a plan comparison. */
export type PlanDiffBlock = z.infer<typeof PlanDiffBlockSchema>;

/** A version compared with the current plan: text line by line, tables as tables. */
export const PlanVersionComparisonSchema = z.object({
  /** The version compared. */
  version: PlanVersionSchema,
  /** Blocks from the version (`removed`) to the current plan (`added`), with common ones. */
  diff: z.array(PlanDiffBlockSchema),
});
