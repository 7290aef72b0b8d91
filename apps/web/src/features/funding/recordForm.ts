import {
  SourceUrlSchema,
  type CommitmentRecord,
  type CreateCommitmentRecordInput,
  type CreateTransactionInput,
  type CurrencyInfo,
  type Modality,
  type TransactionType,
} from '@mesa/shared';
import { checkAmount } from './amount';

/** What the record form holds while it is edited. */
export interface RecordDraft {
  donorOrganizationId: string;
  /** A program id, or '' for strategy-wide. */
  programId: string;
  /** '' for none. */
  receivingOrganizationId: string;
  modality: Modality;
  descriptionEn: string;
  descriptionEs: string;
  sourceUrl: string;
  sourceReference: string;
}

/** What the transaction form holds while it is edited. */
export interface TransactionDraft {
  type: TransactionType;
  valueDate: string;
  amount: string;
  currency: string;
  note: string;
}

/** A field of either form that can be wrong. */
export type DraftField =
  | 'donorOrganizationId'
  | 'descriptionEn'
  | 'descriptionEs'
  | 'sourceUrl'
  | 'sourceReference'
  | 'valueDate'
  | 'amount'
  | 'currency';

/** Why a field is refused, as a catalogue key under `funding.errors`. */
export type DraftProblem = 'required' | 'tooLong' | 'url' | 'date' | 'currency' | 'amount';

/** The problems of a draft by field; empty when it can be sent. */
export type DraftProblems = Partial<Record<DraftField, DraftProblem>>;

/** A record form started from a record (edit) or from nothing. */
export function recordDraftOf(record?: CommitmentRecord): RecordDraft {
  return {
    donorOrganizationId: record?.donor.id ?? '',
    programId: record?.program?.id ?? '',
    receivingOrganizationId: record?.receiver?.id ?? '',
    modality: record?.modality ?? 'financial',
    descriptionEn: record?.descriptionEn ?? '',
    descriptionEs: record?.descriptionEs ?? '',
    sourceUrl: record?.sourceUrl ?? '',
    sourceReference: record?.sourceReference ?? '',
  };
}

/** Checks a record draft as the contract will (lengths, the link's protocol). */
export function recordProblems(draft: RecordDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.donorOrganizationId) problems.donorOrganizationId = 'required';
  if (draft.descriptionEn.trim().length > 2000) problems.descriptionEn = 'tooLong';
  if (draft.descriptionEs.trim().length > 2000) problems.descriptionEs = 'tooLong';
  if (draft.sourceUrl.trim() && !SourceUrlSchema.safeParse(draft.sourceUrl.trim()).success) {
    problems.sourceUrl = 'url';
  }
  if (draft.sourceReference.trim().length > 300) problems.sourceReference = 'tooLong';
  return problems;
}

/** Checks a transaction draft: a real date, a known currency, an amount with its digits. */
export function transactionProblems(
  draft: TransactionDraft,
  currencies: readonly CurrencyInfo[],
): DraftProblems {
  const problems: DraftProblems = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.valueDate) || Number.isNaN(Date.parse(draft.valueDate))) {
    problems.valueDate = 'date';
  }
  const currency = currencies.find((c) => c.code === draft.currency);
  if (!currency) problems.currency = 'currency';
  else if (!checkAmount(draft.amount, currency.digits).ok) problems.amount = 'amount';
  return problems;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The body of `POST /api/funding/records` from a checked draft. */
export function recordInput(draft: RecordDraft): CreateCommitmentRecordInput {
  return {
    donorOrganizationId: draft.donorOrganizationId,
    programId: orNull(draft.programId),
    receivingOrganizationId: orNull(draft.receivingOrganizationId),
    modality: draft.modality,
    descriptionEn: draft.descriptionEn.trim(),
    descriptionEs: draft.descriptionEs.trim(),
    sourceUrl: orNull(draft.sourceUrl),
    sourceReference: orNull(draft.sourceReference),
  };
}

/** The body of a new transaction from a checked draft: the amount exactly as it will be stored. */
export function transactionInput(
  draft: TransactionDraft,
  currencies: readonly CurrencyInfo[],
): CreateTransactionInput {
  const currency = currencies.find((c) => c.code === draft.currency);
  const check = currency ? checkAmount(draft.amount, currency.digits) : null;
  return {
    type: draft.type,
    valueDate: draft.valueDate,
    amount: check?.ok ? check.stored : draft.amount.trim(),
    currency: draft.currency,
    note: draft.note.trim(),
  };
}

/** The first problem's field, in the order the form shows them (for focus after a submit). */
export const FIELD_ORDER: readonly DraftField[] = [
  'donorOrganizationId',
  'descriptionEn',
  'descriptionEs',
  'sourceUrl',
  'sourceReference',
  'valueDate',
  'currency',
  'amount',
];
