import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  CommitmentRecordsTable,
  Database,
  ExchangeRatesTable,
  FundingChangesTable,
  FundingTransactionsTable,
} from '../../db/schema.js';

/**
 * The funding module's core SQL, shared by its services (records, rates, import): inserting a
 * record, a transaction and a history entry, and finding the rate a transaction converts at.
 * Each service keeps its other queries in its own repository file.
 */

/** A commitment record row. */
export type CommitmentRecordRow = Selectable<CommitmentRecordsTable>;
/** A transaction row. */
export type FundingTransactionRow = Selectable<FundingTransactionsTable>;
/** An exchange rate row. */
export type ExchangeRateRow = Selectable<ExchangeRatesTable>;

/** Inserts a commitment record. */
export async function insertCommitmentRecordRow(
  db: Kysely<Database>,
  row: Insertable<CommitmentRecordsTable>,
): Promise<void> {
  await db.insertInto('commitment_records').values(row).execute();
}

/** Inserts a transaction. */
export async function insertFundingTransactionRow(
  db: Kysely<Database>,
  row: Insertable<FundingTransactionsTable>,
): Promise<void> {
  await db.insertInto('funding_transactions').values(row).execute();
}

/** Inserts a history entry. */
export async function insertFundingChangeRow(
  db: Kysely<Database>,
  row: Insertable<FundingChangesTable>,
): Promise<void> {
  await db.insertInto('funding_changes').values(row).execute();
}

/** The rate of a currency on the date or the latest before it, or undefined when none exists. */
export async function findRateOnOrBefore(
  db: Kysely<Database>,
  currency: string,
  date: string,
): Promise<ExchangeRateRow | undefined> {
  return db
    .selectFrom('exchange_rates')
    .selectAll()
    .where('currency', '=', currency)
    .where('rate_date', '<=', date)
    .orderBy('rate_date', 'desc')
    .limit(1)
    .executeTakeFirst();
}
