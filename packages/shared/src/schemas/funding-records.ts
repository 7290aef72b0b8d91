import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { CurrencySchema } from './currency.js';
import { CommitmentRecordSchema, ExchangeRateSchema, FileProblemSchema } from './funding.js';

/**
 * Additions of the records and rates routes to the funding contract (docs/funding.md): the
 * stale-revision reply, the records list query, the rates list query and its reply.
 */

/**
 * The answer to a stale `revision` on a record or one of its transactions: 409 with the record
 * as stored now (its revision and its transactions' revisions), nothing written.
 */
export const CommitmentConflictSchema = z.object({
  error: z.object({
    /** Always `conflict`. */
    code: z.literal('conflict'),
    /** Human-readable English explanation. */
    message: z.string(),
    /** The record as stored now. */
    current: CommitmentRecordSchema,
  }),
});
/** A stale record or transaction save's reply. */
export type CommitmentConflict = z.infer<typeof CommitmentConflictSchema>;

/**
 * Query of `GET /api/funding/records`: the strategy-wide records (`strategyWide=true`) or one
 * donor's records; either way only those the reader may read.
 */
export const CommitmentRecordsQuerySchema = z.strictObject({
  strategyWide: z.enum(['true', 'false']).optional(),
  donorOrganizationId: IdSchema.optional(),
});
/** Records list query. */
export type CommitmentRecordsQuery = z.infer<typeof CommitmentRecordsQuerySchema>;

/** Query of `GET /api/funding/rates`. */
export const ExchangeRatesQuerySchema = z.strictObject({ currency: CurrencySchema.optional() });

/** The reply of `GET /api/funding/rates`: by currency, newest date first. */
export const ExchangeRateListSchema = z.object({ rates: z.array(ExchangeRateSchema) });

/** Params of a transaction's routes. */
export const TransactionParamsSchema = z.strictObject({ id: IdSchema, transactionId: IdSchema });

/**
 * `POST /api/funding/rates/import` refusing a file (400): every problem by line; nothing was
 * stored.
 */
export const RatesFileRefusedSchema = z.object({
  error: z.object({
    /** Always `validation_failed`. */
    code: z.literal('validation_failed'),
    message: z.string(),
    /** Always `file`. */
    field: z.literal('file'),
    problems: z.array(FileProblemSchema),
  }),
});
/** A refused rates file's reply. */
export type RatesFileRefused = z.infer<typeof RatesFileRefusedSchema>;
