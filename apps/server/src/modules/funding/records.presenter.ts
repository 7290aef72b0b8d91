import {
  FundingChangeSchema,
  ModalitySchema,
  TransactionTypeCodes,
  TransactionTypeSchema,
  formatMinor,
  type CommitmentAbilities,
  type CommitmentRecord,
  type FundingChange,
  type FundingFigures,
  type FundingTransaction,
} from '@mesa/shared';
import { usdText } from './conversion.js';
import { currencyDigits } from './currencies.js';
import { readMinor, readMinorOrNull } from './money-columns.js';
import type { RecordJoinedRow, TransactionJoinedRow } from './records.repository.js';

/** What the figures need of a transaction: its type and its USD value in cents (or none). */
export interface FigureInput {
  type: string;
  usdMinor: bigint | null;
}

/**
 * One record's figures in USD (docs/funding.md): the sums per transaction type, and its funding
 * = the larger of its commitments and its disbursements (pledges never count). An alternative
 * figure of another record shows its sums but counts nothing toward funding. Transactions
 * without a rate are left out of every sum and counted in `withoutRate`.
 */
export function recordFigures(
  transactions: readonly FigureInput[],
  isAlternative: boolean,
): FundingFigures {
  const sums = { pledge: 0n, commitment: 0n, disbursement: 0n, expenditure: 0n };
  let withoutRate = 0;
  for (const t of transactions) {
    if (t.usdMinor === null) {
      withoutRate += 1;
      continue;
    }
    const type = TransactionTypeSchema.parse(t.type);
    sums[type] += t.usdMinor;
  }
  const larger = sums.commitment > sums.disbursement ? sums.commitment : sums.disbursement;
  return {
    pledged: usdText(sums.pledge),
    committed: usdText(sums.commitment),
    disbursed: usdText(sums.disbursement),
    expended: usdText(sums.expenditure),
    funding: usdText(isAlternative ? 0n : larger),
    withoutRate,
  };
}

/** A transaction as the API shows it. */
export function presentTransaction(row: TransactionJoinedRow): FundingTransaction {
  const type = TransactionTypeSchema.parse(row.type);
  const digits = currencyDigits(row.currency) ?? 2;
  const usd = readMinorOrNull(row.usd_minor);
  return {
    id: row.id,
    recordId: row.record_id,
    type,
    typeCode: TransactionTypeCodes[type],
    valueDate: row.value_date,
    amount: formatMinor(readMinor(row.amount_minor), digits),
    currency: row.currency,
    usd: usd === null ? null : usdText(usd),
    rate:
      row.rate === null || row.rate_date === null
        ? null
        : { rate: row.rate, date: row.rate_date, source: row.rate_source ?? '' },
    iatiRef: row.iati_ref,
    note: row.note,
    reportedBy:
      row.reported_by === null
        ? null
        : {
            id: row.reported_by,
            name: row.reporter_name ?? '',
            organizationId: row.reporter_organization_id ?? '',
          },
    reportedAt: row.reported_at,
    confirmedBy:
      row.confirmed_by === null
        ? null
        : {
            id: row.confirmed_by,
            name: row.confirmer_name ?? '',
            organizationId: row.confirmer_organization_id ?? '',
          },
    confirmedAt: row.confirmed_at,
    revision: row.revision,
  };
}

/** A record with its transactions (any order; shown by value date), figures and abilities. */
export function presentRecord(
  row: RecordJoinedRow,
  transactions: readonly TransactionJoinedRow[],
  abilities: CommitmentAbilities,
): CommitmentRecord {
  const presented = transactions.map(presentTransaction);
  return {
    id: row.id,
    donor: {
      id: row.donor_organization_id,
      name: { en: row.donor_name_en, es: row.donor_name_es },
      shortName: { en: row.donor_short_en, es: row.donor_short_es },
    },
    program:
      row.program_id === null
        ? null
        : {
            id: row.program_id,
            code: row.program_code,
            titleEn: row.program_title_en ?? '',
            titleEs: row.program_title_es ?? '',
          },
    receiver:
      row.receiving_organization_id === null
        ? null
        : {
            id: row.receiving_organization_id,
            name: { en: row.receiver_name_en ?? '', es: row.receiver_name_es ?? '' },
            shortName: { en: row.receiver_short_en ?? '', es: row.receiver_short_es ?? '' },
          },
    modality: ModalitySchema.parse(row.modality),
    descriptionEn: row.description_en,
    descriptionEs: row.description_es,
    sourceUrl: row.source_url,
    sourceReference: row.source_reference,
    conflicting: row.conflicting === 1,
    alternativeOfId: row.alternative_of_id,
    iatiIdentifier: row.iati_identifier,
    createdBy:
      row.created_by === null
        ? null
        : {
            id: row.created_by,
            name: row.creator_name ?? '',
            organizationId: row.creator_organization_id ?? '',
          },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    transactions: presented,
    figures: recordFigures(
      transactions.map((t) => ({ type: t.type, usdMinor: readMinorOrNull(t.usd_minor) })),
      row.alternative_of_id !== null,
    ),
    abilities,
  };
}

/** The latest value date of a record's transactions ('' when it has none), for ordering. */
export function latestValueDate(record: CommitmentRecord): string {
  return record.transactions.reduce((m, t) => (t.valueDate > m ? t.valueDate : m), '');
}

/** Newest value first; records without transactions by when they were recorded, newest first. */
export function byNewestValue(a: CommitmentRecord, b: CommitmentRecord): number {
  const av = latestValueDate(a);
  const bv = latestValueDate(b);
  if (av !== bv) return av < bv ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id.localeCompare(b.id);
}

// Within one instant, later steps of one write come first (newest first): a creation last.
const ACTION_RANK: Record<FundingChange['action'], number> = {
  'record.created': 0,
  'transaction.created': 1,
  'record.updated': 2,
  'transaction.updated': 2,
  'transaction.confirmed': 3,
  'transaction.unconfirmed': 3,
  'transaction.reconverted': 3,
  'transaction.deleted': 4,
  'record.deleted': 5,
};

/** A history entry row as the API shows it. */
export function presentChanges(
  rows: readonly {
    id: string;
    at: string;
    action: string;
    transaction_id: string | null;
    actor_id: string | null;
    actor_name: string | null;
    before: string | null;
    after: string | null;
  }[],
): FundingChange[] {
  const changes = rows.map((r) =>
    FundingChangeSchema.parse({
      id: r.id,
      at: r.at,
      actor: r.actor_id === null ? null : { id: r.actor_id, name: r.actor_name ?? '' },
      action: r.action,
      transactionId: r.transaction_id,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    }),
  );
  return changes.sort((a, b) =>
    a.at !== b.at ? (a.at < b.at ? 1 : -1) : ACTION_RANK[b.action] - ACTION_RANK[a.action],
  );
}
