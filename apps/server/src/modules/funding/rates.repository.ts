import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ExchangeRateRow } from './funding.repository.js';

/**
 * The rates service's SQL: the rate table (by currency and date), and the transactions a rate
 * change may re-convert.
 */

/** Rates with the name of who last set them, by currency then newest date first. */
export async function listRateRows(db: Kysely<Database>, currency?: string) {
  let q = db
    .selectFrom('exchange_rates as x')
    .innerJoin('users as u', 'u.id', 'x.updated_by')
    .select([
      'x.id',
      'x.currency',
      'x.rate_date',
      'x.rate',
      'x.source',
      'x.updated_by',
      'u.name as updated_by_name',
      'x.updated_at',
    ]);
  if (currency !== undefined) q = q.where('x.currency', '=', currency);
  return q.orderBy('x.currency').orderBy('x.rate_date', 'desc').execute();
}

/** One rate with who last set it, or undefined. */
export async function findRateRow(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('exchange_rates as x')
    .innerJoin('users as u', 'u.id', 'x.updated_by')
    .select([
      'x.id',
      'x.currency',
      'x.rate_date',
      'x.rate',
      'x.source',
      'x.updated_by',
      'u.name as updated_by_name',
      'x.updated_at',
    ])
    .where('x.id', '=', id)
    .executeTakeFirst();
}

/** The rate of a currency on exactly that date, or undefined. */
export async function findRateOn(
  db: Kysely<Database>,
  currency: string,
  date: string,
): Promise<ExchangeRateRow | undefined> {
  return db
    .selectFrom('exchange_rates')
    .selectAll()
    .where('currency', '=', currency)
    .where('rate_date', '=', date)
    .executeTakeFirst();
}

/** Every rate of a currency, oldest first. */
export async function listCurrencyRates(
  db: Kysely<Database>,
  currency: string,
): Promise<ExchangeRateRow[]> {
  return db
    .selectFrom('exchange_rates')
    .selectAll()
    .where('currency', '=', currency)
    .orderBy('rate_date')
    .execute();
}

/** Inserts a rate. */
export async function insertRateRow(db: Kysely<Database>, row: ExchangeRateRow): Promise<void> {
  await db.insertInto('exchange_rates').values(row).execute();
}

/** Corrects a rate's value and source. */
export async function updateRateRow(
  db: Kysely<Database>,
  id: string,
  values: { rate: string; source: string; updated_by: string; updated_at: string },
): Promise<void> {
  await db.updateTable('exchange_rates').set(values).where('id', '=', id).execute();
}

/** Deletes a rate. */
export async function deleteRateRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('exchange_rates').where('id', '=', id).execute();
}

/** The transactions of a currency dated on or after a day (those a rate of that day may govern). */
export async function listTransactionsFrom(
  db: Kysely<Database>,
  currency: string,
  fromDate: string,
) {
  return db
    .selectFrom('funding_transactions')
    .select([
      'id',
      'record_id',
      'value_date',
      'amount_minor',
      'usd_minor',
      'rate',
      'rate_date',
      'rate_source',
    ])
    .where('currency', '=', currency)
    .where('value_date', '>=', fromDate)
    .orderBy('value_date')
    .orderBy('id')
    .execute();
}

/** Stores a transaction's new conversion (its own fields and revision stay). */
export async function setTransactionConversion(
  db: Kysely<Database>,
  id: string,
  values: {
    usd_minor: bigint | null;
    rate: string | null;
    rate_date: string | null;
    rate_source: string | null;
  },
): Promise<void> {
  await db
    .updateTable('funding_transactions')
    .set({ ...values, usd_minor: values.usd_minor === null ? null : values.usd_minor.toString() })
    .where('id', '=', id)
    .execute();
}
