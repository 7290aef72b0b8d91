import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { trimmedString } from '../text.js';
import { DECIMAL_PATTERN, RATE_PATTERN } from '../money.js';
import { DenialReasonSchema } from '../denials.js';
import { LocalizedTextSchema } from './localized.js';
import { ComponentIdSchema } from './component.js';
import { CurrencySchema, MoneySchema } from './currency.js';

/**
 * Commitments and funding (docs/funding.md). Every amount in the API is an exact decimal
 * string: `amount` in its own currency (as many decimals as ISO 4217 gives it), `usd` in US
 * dollars with two. Nothing here is a floating-point number of money.
 */

/** The IATI transaction types Mesa records, by name; `TransactionTypeCodes` gives their codes. */
export const TransactionTypes = ['pledge', 'commitment', 'disbursement', 'expenditure'] as const;
/** A transaction type. */
export const TransactionTypeSchema = z.enum(TransactionTypes);
/** A transaction type. */
export type TransactionType = z.infer<typeof TransactionTypeSchema>;

/** IATI TransactionType codes (../shared/data/iati/TransactionType.xml). */
export const TransactionTypeCodes: Record<TransactionType, number> = {
  pledge: 12,
  commitment: 2,
  disbursement: 3,
  expenditure: 4,
};

/** The kind of support a record gives. */
export const Modalities = ['financial', 'technical_assistance', 'in_kind'] as const;
/** A modality. */
export const ModalitySchema = z.enum(Modalities);
/** A modality. */
export type Modality = z.infer<typeof ModalitySchema>;

/** A calendar date, `YYYY-MM-DD` (value dates and rate dates have no time of day). */
export const FundingDateSchema = z.iso.date();

/** An exact decimal amount as the API writes it ("1234.56", "-10", "1000"). */
export const DecimalAmountSchema = z.string().regex(DECIMAL_PATTERN, 'must be a decimal amount');

/** A rate: units of the currency per one US dollar, positive, at most 10 decimals. */
export const RateSchema = z
  .string()
  .regex(RATE_PATTERN, 'must be a positive decimal with at most 10 decimals')
  .refine((r) => /[1-9]/.test(r), 'must be more than zero');

/** An IATI organisation identifier: `XX-…` (registration agency prefix, then the id). */
export const IatiIdentifierSchema = trimmedString()
  .max(100)
  .regex(
    /^[A-Z]{2}(-[A-Za-z0-9]+)+-[A-Za-z0-9._/:-]+$|^XM-DAC-\d+(-\d+)?$|^XI-IATI-[A-Za-z0-9-]+$/,
    'must be an IATI organisation identifier such as GB-COH-123456 or XM-DAC-41114',
  );

/** A source link: http or https only. */
export const SourceUrlSchema = z.url({ protocol: /^https?$/ }).max(2000);

/** A currency Mesa accepts, with its ISO 4217 minor digits (`GET /api/funding/currencies`). */
export const CurrencyInfoSchema = z.object({
  /** ISO 4217 code. */
  code: CurrencySchema,
  /** How many decimals its minor unit has (JPY 0, USD 2, KWD 3). */
  digits: z.number().int().min(0).max(4),
  /** English name from ISO 4217. */
  name: z.string(),
});
/** A currency. */
export type CurrencyInfo = z.infer<typeof CurrencyInfoSchema>;

/** The reply of `GET /api/funding/currencies`. */
export const CurrencyListSchema = z.object({ currencies: z.array(CurrencyInfoSchema) });

/** An organization as funding lists name it. */
export const FundingOrganizationSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  shortName: LocalizedTextSchema,
});
/** An organization in funding replies. */
export type FundingOrganization = z.infer<typeof FundingOrganizationSchema>;

/** A person who reported or confirmed something. */
export const FundingPersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  organizationId: IdSchema,
});

/** The rate a transaction was converted at. */
export const AppliedRateSchema = z.object({
  /** Units of the currency per USD. */
  rate: RateSchema,
  /** The rate's date (on or before the value date). */
  date: FundingDateSchema,
  /** Where the rate comes from. */
  source: z.string(),
});

/** One transaction of a commitment record. */
export const FundingTransactionSchema = z.object({
  id: IdSchema,
  recordId: IdSchema,
  type: TransactionTypeSchema,
  /** The IATI code of `type`. */
  typeCode: z.number().int(),
  valueDate: FundingDateSchema,
  /** Exact amount in its currency. */
  amount: DecimalAmountSchema,
  currency: CurrencySchema,
  /** Its value in USD at `rate`; null when no rate exists on or before the value date. */
  usd: DecimalAmountSchema.nullable(),
  /** The rate used; null = "no rate" (listed, not counted in USD totals). */
  rate: AppliedRateSchema.nullable(),
  /** The IATI transaction ref it was imported from or exported with, if any. */
  iatiRef: z.string().nullable(),
  note: z.string(),
  /** Who recorded it; null for the documented figures Mesa's seed wrote. */
  reportedBy: FundingPersonSchema.nullable(),
  reportedAt: z.iso.datetime(),
  confirmedBy: FundingPersonSchema.nullable(),
  confirmedAt: z.iso.datetime().nullable(),
  /** Bumped on every change; an update names the revision it was made on. */
  revision: z.number().int().positive(),
});
/** A transaction. */
export type FundingTransaction = z.infer<typeof FundingTransactionSchema>;

/** Pledged, committed, disbursed and expended, in USD, and the funding that counts. */
export const FundingFiguresSchema = z.object({
  pledged: DecimalAmountSchema,
  committed: DecimalAmountSchema,
  disbursed: DecimalAmountSchema,
  expended: DecimalAmountSchema,
  /**
   * What counts as funding: per record the larger of its commitments and its disbursements
   * (pledges never count), summed. Records marked as an alternative figure are not summed.
   */
  funding: DecimalAmountSchema,
  /** Transactions left out of the USD figures because no rate exists for them. */
  withoutRate: z.number().int().nonnegative(),
});
/** Figures in USD. */
export type FundingFigures = z.infer<typeof FundingFiguresSchema>;

/** What a person may do with one commitment record. */
export const CommitmentAbilityFlagsSchema = z.object({
  /** See the record and its transactions. */
  read: z.boolean(),
  /** Edit it, add, edit and delete its transactions, delete it. */
  edit: z.boolean(),
  /** Confirm its transactions (the receiving organization's members, admins). */
  confirm: z.boolean(),
});
/** Abilities on a record. */
export type CommitmentAbilityFlags = z.infer<typeof CommitmentAbilityFlagsSchema>;
/** An action on a commitment record. */
export const CommitmentActionSchema = CommitmentAbilityFlagsSchema.keyof();
/** An action on a commitment record. */
export type CommitmentAction = z.infer<typeof CommitmentActionSchema>;
/** Abilities on a record, with the reason for each refusal. */
export const CommitmentAbilitiesSchema = CommitmentAbilityFlagsSchema.extend({
  denied: z.partialRecord(CommitmentActionSchema, DenialReasonSchema),
});
/** Abilities on a record. */
export type CommitmentAbilities = z.infer<typeof CommitmentAbilitiesSchema>;

/** A program as funding replies name it. */
export const FundingProgramRefSchema = z.object({
  id: IdSchema,
  code: z.string().nullable(),
  titleEn: z.string(),
  titleEs: z.string(),
});

/** A commitment record: a donor's support to a program (or strategy-wide) and its transactions. */
export const CommitmentRecordSchema = z.object({
  id: IdSchema,
  /** The organization providing the support. */
  donor: FundingOrganizationSchema,
  /** The program; null = strategy-wide (shown in its own row, never spread over programs). */
  program: FundingProgramRefSchema.nullable(),
  /** The organization receiving it, if known. */
  receiver: FundingOrganizationSchema.nullable(),
  modality: ModalitySchema,
  descriptionEn: z.string(),
  descriptionEs: z.string(),
  /** A link to the source, if any. */
  sourceUrl: z.string().nullable(),
  /** A document reference ("Agreement DCI-ALA/2017/…"), if any. */
  sourceReference: z.string().nullable(),
  /**
   * The sources disagree about this figure. With `alternativeOfId` it is the other figure of
   * another record: shown, never summed.
   */
  conflicting: z.boolean(),
  /** The record this one is an alternative figure of (excluded from totals), or null. */
  alternativeOfId: IdSchema.nullable(),
  /** The IATI activity identifier it was imported from, if any. */
  iatiIdentifier: z.string().nullable(),
  /** Who recorded it; null for the documented figures Mesa's seed wrote. */
  createdBy: FundingPersonSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  revision: z.number().int().positive(),
  transactions: z.array(FundingTransactionSchema),
  /** The record's own figures in USD. */
  figures: FundingFiguresSchema,
  abilities: CommitmentAbilitiesSchema,
});
/** A commitment record. */
export type CommitmentRecord = z.infer<typeof CommitmentRecordSchema>;

const description = trimmedString().max(2000);

/** `POST /api/funding/records` body. The reporter comes from the session. */
export const CreateCommitmentRecordInputSchema = z.strictObject({
  donorOrganizationId: IdSchema,
  /** Null for a strategy-wide record. */
  programId: IdSchema.nullable(),
  receivingOrganizationId: IdSchema.nullable(),
  modality: ModalitySchema,
  descriptionEn: description,
  descriptionEs: description,
  sourceUrl: SourceUrlSchema.nullable(),
  sourceReference: trimmedString().max(300).nullable(),
  conflicting: z.boolean().default(false),
  alternativeOfId: IdSchema.nullable().default(null),
});
/** Record creation input. */
export type CreateCommitmentRecordInput = z.input<typeof CreateCommitmentRecordInputSchema>;

/** `PATCH /api/funding/records/:id` body: any fields, and the revision it was made on. */
export const UpdateCommitmentRecordInputSchema = CreateCommitmentRecordInputSchema.partial().extend(
  {
    revision: z.number().int().positive(),
  },
);
/** Record update input. */
export type UpdateCommitmentRecordInput = z.infer<typeof UpdateCommitmentRecordInputSchema>;

/** `POST /api/funding/records/:id/transactions` body. */
export const CreateTransactionInputSchema = z.strictObject({
  type: TransactionTypeSchema,
  valueDate: FundingDateSchema,
  /** Exact decimal in the currency; more decimals than the currency has is refused. */
  amount: DecimalAmountSchema,
  currency: CurrencySchema,
  note: trimmedString().max(1000).default(''),
  iatiRef: trimmedString().max(200).nullable().default(null),
});
/** Transaction creation input. */
export type CreateTransactionInput = z.input<typeof CreateTransactionInputSchema>;

/** `PATCH /api/funding/transactions/:id` body. */
export const UpdateTransactionInputSchema = CreateTransactionInputSchema.partial().extend({
  revision: z.number().int().positive(),
});
/** Transaction update input. */
export type UpdateTransactionInput = z.infer<typeof UpdateTransactionInputSchema>;

/** One entry of a record's history: who, when, what, and what it was before. */
export const FundingChangeSchema = z.object({
  id: IdSchema,
  at: z.iso.datetime(),
  /** Who made it (the admin whose rate re-converted it); null for the seed. */
  actor: z.object({ id: IdSchema, name: z.string() }).nullable(),
  action: z.enum([
    'record.created',
    'record.updated',
    'record.deleted',
    'transaction.created',
    'transaction.updated',
    'transaction.deleted',
    'transaction.confirmed',
    'transaction.unconfirmed',
    'transaction.reconverted',
  ]),
  transactionId: IdSchema.nullable(),
  /** The changed fields as they were (null for a creation). */
  before: z.record(z.string(), z.unknown()).nullable(),
  /** The changed fields as they became (null for a deletion). */
  after: z.record(z.string(), z.unknown()).nullable(),
});
/** A history entry. */
export type FundingChange = z.infer<typeof FundingChangeSchema>;

/** The reply of `GET /api/funding/records/:id/history`, newest first. */
export const FundingHistorySchema = z.object({ changes: z.array(FundingChangeSchema) });

/** An exchange rate: units of the currency per USD on a date. */
export const ExchangeRateSchema = z.object({
  id: IdSchema,
  currency: CurrencySchema,
  date: FundingDateSchema,
  rate: RateSchema,
  source: z.string(),
  updatedBy: z.object({ id: IdSchema, name: z.string() }),
  updatedAt: z.iso.datetime(),
});
/** An exchange rate. */
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>;

/** `PUT /api/funding/rates` body: adds the rate, or corrects the one of that currency and date. */
export const PutExchangeRateInputSchema = z.strictObject({
  currency: CurrencySchema.refine((c) => c !== 'USD', 'USD is the unit: it needs no rate'),
  date: FundingDateSchema,
  rate: RateSchema,
  source: trimmedString().min(1).max(300),
});
/** Rate input. */
export type PutExchangeRateInput = z.infer<typeof PutExchangeRateInputSchema>;

/** Reply of a rate change: the rate, and how many transactions were re-converted. */
export const ExchangeRateChangeReplySchema = z.object({
  rate: ExchangeRateSchema.nullable(),
  reconverted: z.number().int().nonnegative(),
});

/** A problem in an uploaded file, by line. */
export const FileProblemSchema = z.object({
  line: z.number().int().positive(),
  message: z.string(),
});
/** A problem in an uploaded file. */
export type FileProblem = z.infer<typeof FileProblemSchema>;

/** Reply of a rates CSV import (all or nothing: any problem refuses the file). */
export const RatesImportReplySchema = z.object({
  added: z.number().int().nonnegative(),
  corrected: z.number().int().nonnegative(),
  reconverted: z.number().int().nonnegative(),
});

/** Filters of the dashboard, its CSV and the scorecard; each is kept in the page's URL. */
export const FundingFiltersSchema = z.strictObject({
  componentId: ComponentIdSchema.optional(),
  /** Only the priority programs. */
  priority: z.enum(['true', 'false']).optional(),
  donorOrganizationId: IdSchema.optional(),
  modality: ModalitySchema.optional(),
  currency: CurrencySchema.optional(),
  /** Transactions dated in this year or later. */
  fromYear: z.coerce.number().int().min(1990).max(2100).optional(),
  /** Transactions dated in this year or earlier. */
  toYear: z.coerce.number().int().min(1990).max(2100).optional(),
});
/** Dashboard filters. */
export type FundingFilters = z.infer<typeof FundingFiltersSchema>;

/** A program's funding: its estimated cost, figures and gap (per DESIGN: USD). */
export const ProgramFundingSchema = z.object({
  program: FundingProgramRefSchema.extend({
    componentId: ComponentIdSchema,
    priority: z.boolean(),
  }),
  /** As recorded on the program, in its currency; null = "not recorded". */
  estimatedCost: MoneySchema.nullable(),
  /** The estimated cost in USD; null when not recorded or when its currency has no rate. */
  estimatedCostUsd: DecimalAmountSchema.nullable(),
  figures: FundingFiguresSchema,
  /** estimatedCostUsd − figures.funding; null when the cost in USD is unknown. */
  gap: DecimalAmountSchema.nullable(),
});
/** A program's funding. */
export type ProgramFunding = z.infer<typeof ProgramFundingSchema>;

/** One line of a breakdown (by component, donor, modality, currency or year). */
export const FundingBreakdownRowSchema = z.object({
  /** The component letter, organization id, modality, currency code or year. */
  key: z.string(),
  /** What to call it; organizations in both languages. */
  label: LocalizedTextSchema,
  figures: FundingFiguresSchema,
  /** For the currency breakdown: the totals in that currency itself (pledged…funding). */
  native: z
    .object({
      pledged: DecimalAmountSchema,
      committed: DecimalAmountSchema,
      disbursed: DecimalAmountSchema,
    })
    .nullable(),
});

/** The reply of `GET /api/funding/dashboard`: totals visible to everyone signed in. */
export const FundingDashboardSchema = z.object({
  filters: FundingFiltersSchema,
  /** Priority programs first, then the others, each group by code (no code last, by title). */
  programs: z.array(ProgramFundingSchema),
  /** Strategy-wide records, in their own row. */
  strategyWide: FundingFiguresSchema,
  /** Every program and the strategy-wide row together. */
  total: FundingFiguresSchema,
  byComponent: z.array(FundingBreakdownRowSchema),
  byDonor: z.array(FundingBreakdownRowSchema),
  byModality: z.array(FundingBreakdownRowSchema),
  byCurrency: z.array(FundingBreakdownRowSchema),
  byYear: z.array(FundingBreakdownRowSchema),
  /** Records whose figure the sources dispute, shown apart (counted once, if at all). */
  conflictingRecords: z.number().int().nonnegative(),
  generatedAt: z.iso.datetime(),
});
/** The dashboard. */
export type FundingDashboard = z.infer<typeof FundingDashboardSchema>;

/** The reply of `GET /api/programs/:id/funding`: the summary everyone sees. */
export const ProgramFundingReplySchema = z.object({ funding: ProgramFundingSchema });

/** The reply of `GET /api/programs/:id/funding/records` (program readers). */
export const CommitmentRecordListSchema = z.object({ records: z.array(CommitmentRecordSchema) });

/** The reply of one record. */
export const CommitmentRecordReplySchema = z.object({ record: CommitmentRecordSchema });

/** Query of `GET /api/funding/scorecard`. */
export const ScorecardQuerySchema = z.strictObject({
  /** Count transactions recorded before this date that nobody confirmed (default: 90 days ago). */
  unconfirmedBefore: FundingDateSchema.optional(),
  sort: z.enum(['donor', 'lastActivity', 'share', 'unconfirmed']).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
});

/** One donor's line of the reporting-freshness scorecard. */
export const ScorecardRowSchema = z.object({
  donor: FundingOrganizationSchema,
  /** When it last recorded or confirmed anything; null = never. */
  lastActivityAt: z.iso.datetime().nullable(),
  /** Its records with a commitment. */
  commitments: z.number().int().nonnegative(),
  /** Of those, how many had a disbursement dated in the last six months. */
  withRecentDisbursement: z.number().int().nonnegative(),
  /** Transactions recorded before `unconfirmedBefore` and never confirmed. */
  unconfirmed: z.number().int().nonnegative(),
});
/** A scorecard line. */
export type ScorecardRow = z.infer<typeof ScorecardRowSchema>;

/** The reply of `GET /api/funding/scorecard`. */
export const ScorecardSchema = z.object({
  unconfirmedBefore: FundingDateSchema,
  /** The six months counted back from today (inclusive). */
  recentSince: FundingDateSchema,
  rows: z.array(ScorecardRowSchema),
});
/** The scorecard. */
export type Scorecard = z.infer<typeof ScorecardSchema>;

/**
 * Live `funding.changed` (every signed-in connection: totals are everyone's): something was
 * recorded. It names where the figures changed, never the record (records need `read`).
 */
export const FundingChangedSchema = z.object({
  /** The program whose figures changed, or null for the strategy-wide row. */
  programId: IdSchema.nullable(),
  /** Figures may have changed anywhere (a rate added or corrected, an import). */
  all: z.boolean(),
});
/** Payload of `funding.changed`. */
export type FundingChanged = z.infer<typeof FundingChangedSchema>;
