import type { Kysely, Updateable } from 'kysely';
import type {
  CommitmentRecordsTable,
  Database,
  FundingTransactionsTable,
} from '../../db/schema.js';

/**
 * The records service's SQL: records with their donor, receiver, program and author; their
 * transactions with who reported and confirmed them; history; the record and transaction
 * updates. Inserts go through the module's core (`funding.writes.ts`).
 */

/** A record with the names it is shown with. */
export interface RecordJoinedRow {
  id: string;
  donor_organization_id: string;
  program_id: string | null;
  receiving_organization_id: string | null;
  modality: string;
  description_en: string;
  description_es: string;
  source_url: string | null;
  source_reference: string | null;
  conflicting: number;
  alternative_of_id: string | null;
  iati_identifier: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
  donor_name_en: string;
  donor_name_es: string;
  donor_short_en: string;
  donor_short_es: string;
  receiver_name_en: string | null;
  receiver_name_es: string | null;
  receiver_short_en: string | null;
  receiver_short_es: string | null;
  program_code: string | null;
  program_title_en: string | null;
  program_title_es: string | null;
  creator_name: string | null;
  creator_organization_id: string | null;
}

/** A transaction with the names of who reported and confirmed it. */
export interface TransactionJoinedRow {
  id: string;
  record_id: string;
  type: string;
  value_date: string;
  amount_minor: string | number;
  currency: string;
  usd_minor: string | number | null;
  rate: string | null;
  rate_date: string | null;
  rate_source: string | null;
  iati_ref: string | null;
  note: string;
  reported_by: string | null;
  reported_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  updated_at: string;
  revision: number;
  reporter_name: string | null;
  reporter_organization_id: string | null;
  confirmer_name: string | null;
  confirmer_organization_id: string | null;
}

/** Which live records to list. */
export type RecordFilter =
  { id: string } | { programId: string } | { strategyWide: true } | { donorOrganizationId: string };

function recordsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('commitment_records as r')
    .innerJoin('organizations as d', 'd.id', 'r.donor_organization_id')
    .leftJoin('organizations as rc', 'rc.id', 'r.receiving_organization_id')
    .leftJoin('programs as p', 'p.id', 'r.program_id')
    .leftJoin('users as cu', 'cu.id', 'r.created_by')
    .select([
      'r.id',
      'r.donor_organization_id',
      'r.program_id',
      'r.receiving_organization_id',
      'r.modality',
      'r.description_en',
      'r.description_es',
      'r.source_url',
      'r.source_reference',
      'r.conflicting',
      'r.alternative_of_id',
      'r.iati_identifier',
      'r.created_by',
      'r.created_at',
      'r.updated_at',
      'r.revision',
      'd.name_en as donor_name_en',
      'd.name_es as donor_name_es',
      'd.short_name_en as donor_short_en',
      'd.short_name_es as donor_short_es',
      'rc.name_en as receiver_name_en',
      'rc.name_es as receiver_name_es',
      'rc.short_name_en as receiver_short_en',
      'rc.short_name_es as receiver_short_es',
      'p.code as program_code',
      'p.title_en as program_title_en',
      'p.title_es as program_title_es',
      'cu.name as creator_name',
      'cu.organization_id as creator_organization_id',
    ])
    .where('r.deleted_at', 'is', null);
}

/** Live (not deleted) records matching the filter, with their names. */
export async function listRecordRows(
  db: Kysely<Database>,
  filter: RecordFilter,
): Promise<RecordJoinedRow[]> {
  let q = recordsQuery(db);
  if ('id' in filter) q = q.where('r.id', '=', filter.id);
  else if ('programId' in filter) q = q.where('r.program_id', '=', filter.programId);
  else if ('strategyWide' in filter) q = q.where('r.program_id', 'is', null);
  else q = q.where('r.donor_organization_id', '=', filter.donorOrganizationId);
  return q.orderBy('r.created_at', 'desc').orderBy('r.id').execute();
}

/** The transactions of these records, oldest value date first. */
export async function listTransactionRows(
  db: Kysely<Database>,
  recordIds: readonly string[],
): Promise<TransactionJoinedRow[]> {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('funding_transactions as t')
    .leftJoin('users as ru', 'ru.id', 't.reported_by')
    .leftJoin('users as cu', 'cu.id', 't.confirmed_by')
    .select([
      't.id',
      't.record_id',
      't.type',
      't.value_date',
      't.amount_minor',
      't.currency',
      't.usd_minor',
      't.rate',
      't.rate_date',
      't.rate_source',
      't.iati_ref',
      't.note',
      't.reported_by',
      't.reported_at',
      't.confirmed_by',
      't.confirmed_at',
      't.updated_at',
      't.revision',
      'ru.name as reporter_name',
      'ru.organization_id as reporter_organization_id',
      'cu.name as confirmer_name',
      'cu.organization_id as confirmer_organization_id',
    ])
    .where('t.record_id', 'in', [...recordIds])
    .orderBy('t.value_date')
    .orderBy('t.reported_at')
    .orderBy('t.id')
    .execute();
}

/** One transaction of a record (raw), or undefined when it is not on that record. */
export async function findTransactionRow(
  db: Kysely<Database>,
  recordId: string,
  transactionId: string,
) {
  return db
    .selectFrom('funding_transactions')
    .selectAll()
    .where('id', '=', transactionId)
    .where('record_id', '=', recordId)
    .executeTakeFirst();
}

/** One live record (raw), or undefined. */
export async function findRecordRow(db: Kysely<Database>, recordId: string) {
  return db
    .selectFrom('commitment_records')
    .selectAll()
    .where('id', '=', recordId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Which of these organizations exist. */
export async function existingOrganizationIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Updates a record if it is still at `revision`; false when it moved on (or was deleted). */
export async function updateRecordRow(
  db: Kysely<Database>,
  recordId: string,
  revision: number,
  values: Updateable<CommitmentRecordsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('commitment_records')
    .set({ ...values, revision: revision + 1 })
    .where('id', '=', recordId)
    .where('revision', '=', revision)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Marks a record's transactions changed: its `updated_at` (its revision stays). */
export async function touchRecord(
  db: Kysely<Database>,
  recordId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('commitment_records')
    .set({ updated_at: at })
    .where('id', '=', recordId)
    .execute();
}

/** Soft-deletes a record; false when it was already gone. */
export async function softDeleteRecordRow(
  db: Kysely<Database>,
  recordId: string,
  by: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('commitment_records')
    .set({ deleted_at: at, deleted_by: by, updated_at: at })
    .where('id', '=', recordId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Updates a transaction if it is still at `revision`; false when it moved on. */
export async function updateTransactionRow(
  db: Kysely<Database>,
  transactionId: string,
  revision: number,
  values: Updateable<FundingTransactionsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('funding_transactions')
    .set({ ...values, revision: revision + 1 })
    .where('id', '=', transactionId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a transaction (its history entries stay on the record). */
export async function deleteTransactionRow(
  db: Kysely<Database>,
  transactionId: string,
): Promise<void> {
  await db.deleteFrom('funding_transactions').where('id', '=', transactionId).execute();
}

/** A record's history with its actors' names. */
export async function listChangeRows(db: Kysely<Database>, recordId: string) {
  return db
    .selectFrom('funding_changes as c')
    .leftJoin('users as u', 'u.id', 'c.actor_id')
    .select([
      'c.id',
      'c.at',
      'c.action',
      'c.transaction_id',
      'c.actor_id',
      'u.name as actor_name',
      'c.before',
      'c.after',
    ])
    .where('c.record_id', '=', recordId)
    .orderBy('c.at', 'desc')
    .execute();
}
