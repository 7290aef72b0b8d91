import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { CurrencySchema } from './currency.js';
import {
  DecimalAmountSchema,
  FileProblemSchema,
  FundingDateSchema,
  FundingOrganizationSchema,
  TransactionTypeSchema,
} from './funding.js';

/**
 * IATI import and export (docs/funding.md, section "IATI"). An uploaded file becomes a preview
 * (stored 24 hours, seen only by the person who uploaded it) and is imported only when that
 * person confirms it, choosing a program (or strategy-wide, or skip) for each activity.
 */

/** Largest IATI file an import accepts, in bytes (20 MiB). */
export const IATI_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** `?programId=` of the IATI exports: one program, or every program and the strategy-wide. */
export const IatiExportQuerySchema = z.strictObject({ programId: IdSchema.optional() });

/** A Mesa organization an IATI provider was matched to, and how. */
export const IatiProviderSchema = z.object({
  /** The provider-org `ref` in the file, if any. */
  ref: z.string().nullable(),
  /** Its name in the file (narrative or text), if any. */
  name: z.string().nullable(),
  /** The Mesa organization it matches (by IATI identifier, else by name), or null. */
  organization: FundingOrganizationSchema.nullable(),
});

/** One transaction of a previewed activity that Mesa could read. */
export const IatiPreviewTransactionSchema = z.object({
  /** Line in the file where the transaction starts. */
  line: z.number().int().positive(),
  /** Its IATI `ref`, if any. */
  ref: z.string().nullable(),
  type: TransactionTypeSchema,
  /** The transaction-type code in the file ("2", "C", "disbursement"…). */
  fileType: z.string(),
  valueDate: FundingDateSchema,
  /** Exact amount in its currency. */
  amount: DecimalAmountSchema,
  currency: CurrencySchema,
  /** Its value in USD at today's stored rates; null = "no rate". */
  usd: DecimalAmountSchema.nullable(),
  provider: IatiProviderSchema,
  /** The receiver-org's name, if any. */
  receiverName: z.string().nullable(),
  description: z.string(),
  /** Already in Mesa (same ref, or same type, date, amount, currency and provider): skipped. */
  duplicate: z.boolean(),
});
/** A previewed transaction. */
export type IatiPreviewTransaction = z.infer<typeof IatiPreviewTransactionSchema>;

/** One activity of an uploaded file, as previewed. */
export const IatiPreviewActivitySchema = z.object({
  /** Position in the file (0-based): what the confirmation names. */
  index: z.number().int().nonnegative(),
  /** Line where the activity starts. */
  line: z.number().int().positive(),
  /** Its iati-identifier ("" when the file has none). */
  identifier: z.string(),
  title: z.string(),
  /** The program suggested for it, or null (strategy-wide or none known). */
  suggestedProgramId: IdSchema.nullable(),
  /** Why that suggestion: chosen before for this identifier, or the program code it ends with. */
  suggestedFrom: z.enum(['earlier_import', 'program_code']).nullable(),
  /** Whether an earlier import chose "strategy-wide" for this identifier. */
  suggestedStrategyWide: z.boolean(),
  transactions: z.array(IatiPreviewTransactionSchema),
  /** What could not be read, line by line (those transactions are not imported). */
  problems: z.array(FileProblemSchema),
});
/** A previewed activity. */
export type IatiPreviewActivity = z.infer<typeof IatiPreviewActivitySchema>;

/** What an import's confirmation did. */
export const IatiImportResultSchema = z.object({
  /** Records created (one per activity and donor). */
  records: z.array(
    z.object({
      id: IdSchema,
      programId: IdSchema.nullable(),
      donor: FundingOrganizationSchema,
      activityIdentifier: z.string(),
      transactions: z.number().int().nonnegative(),
    }),
  ),
  /** Transactions imported. */
  imported: z.number().int().nonnegative(),
  /** Transactions left out as already in Mesa. */
  duplicates: z.number().int().nonnegative(),
  /** Activities skipped by choice. */
  skippedActivities: z.number().int().nonnegative(),
});
/** An import's result. */
export type IatiImportResult = z.infer<typeof IatiImportResultSchema>;

/** An uploaded IATI file: its preview, and once confirmed its result. */
export const IatiImportSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  /** The file's IATI version ("2.03", "1.05", "1.0" when it names none). */
  version: z.string(),
  createdAt: z.iso.datetime(),
  /** The preview is forgotten after this (24 hours). */
  expiresAt: z.iso.datetime(),
  status: z.enum(['preview', 'imported']),
  /** For a member: only this organization's transactions may be imported. Null for admins. */
  scopeOrganizationId: IdSchema.nullable(),
  activities: z.array(IatiPreviewActivitySchema),
  /** Problems of the file as a whole (not tied to one activity). */
  problems: z.array(FileProblemSchema),
  result: IatiImportResultSchema.nullable(),
});
/** An IATI import. */
export type IatiImport = z.infer<typeof IatiImportSchema>;

/** The reply of an upload, of `GET …/imports/:id` and of a confirmation. */
export const IatiImportReplySchema = z.object({ import: IatiImportSchema });

/** What to do with one activity on confirmation. */
export const IatiActivityChoiceSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  /** The program to record it on; null = strategy-wide. Ignored when `skip`. */
  programId: IdSchema.nullable(),
  skip: z.boolean().default(false),
});
/** A choice for one activity. */
export type IatiActivityChoice = z.input<typeof IatiActivityChoiceSchema>;

/** `POST /api/funding/iati/imports/:id/confirm` body: a choice for each activity. */
export const ConfirmIatiImportInputSchema = z.strictObject({
  activities: z.array(IatiActivityChoiceSchema).max(10_000),
});
/** Confirmation input. */
export type ConfirmIatiImportInput = z.input<typeof ConfirmIatiImportInputSchema>;
