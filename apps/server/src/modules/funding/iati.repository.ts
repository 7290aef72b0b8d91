import type { Kysely, Selectable } from 'kysely';
import type { Database, IatiImportsTable } from '../../db/schema.js';

/** The SQL of IATI import and export (docs/funding.md, "IATI"). */

/** An organization as IATI matching and export need it. */
export interface IatiOrganizationRow {
  id: string;
  name_en: string;
  name_es: string;
  short_name_en: string;
  short_name_es: string;
  kind: string;
  iati_identifier: string | null;
}

/** Every organization, for matching providers and naming participants. */
export function listIatiOrganizations(db: Kysely<Database>): Promise<IatiOrganizationRow[]> {
  return db
    .selectFrom('organizations')
    .select([
      'id',
      'name_en',
      'name_es',
      'short_name_en',
      'short_name_es',
      'kind',
      'iati_identifier',
    ])
    .orderBy('created_at')
    .execute();
}

/** A program as IATI needs it. */
export interface IatiProgramRow {
  id: string;
  code: string | null;
  title_en: string;
  title_es: string;
  status: string | null;
  notes: string | null;
  created_at: string;
}

/** Every program (the caller filters by what the reader may read). */
export function listIatiPrograms(db: Kysely<Database>): Promise<IatiProgramRow[]> {
  return db
    .selectFrom('programs')
    .select(['id', 'code', 'title_en', 'title_es', 'status', 'notes', 'created_at'])
    .orderBy('code')
    .orderBy('title_en')
    .execute();
}

/** Lead and partner organizations of programs. */
export function listProgramParticipants(
  db: Kysely<Database>,
): Promise<{ program_id: string; organization_id: string; relation: string }[]> {
  return db
    .selectFrom('program_organizations')
    .select(['program_id', 'organization_id', 'relation'])
    .where('relation', 'in', ['lead', 'partner'])
    .execute();
}

/** A transaction with its record, as the exports write it. */
export interface IatiExportTransactionRow {
  id: string;
  record_id: string;
  program_id: string | null;
  donor_organization_id: string;
  receiving_organization_id: string | null;
  description_en: string;
  description_es: string;
  type: string;
  value_date: string;
  amount_minor: string | number | bigint;
  currency: string;
  usd_minor: string | number | bigint | null;
  iati_ref: string | null;
  note: string;
}

/**
 * Transactions of live records on these programs, and strategy-wide ones when `strategyWide`,
 * ordered by program, date and id.
 */
export function listExportTransactions(
  db: Kysely<Database>,
  programIds: readonly string[],
  strategyWide: boolean,
): Promise<IatiExportTransactionRow[]> {
  return db
    .selectFrom('funding_transactions as t')
    .innerJoin('commitment_records as r', 'r.id', 't.record_id')
    .select([
      't.id',
      't.record_id',
      'r.program_id',
      'r.donor_organization_id',
      'r.receiving_organization_id',
      'r.description_en',
      'r.description_es',
      't.type',
      't.value_date',
      't.amount_minor',
      't.currency',
      't.usd_minor',
      't.iati_ref',
      't.note',
    ])
    .where('r.deleted_at', 'is', null)
    .where((eb) => {
      const ors = [];
      if (programIds.length > 0) ors.push(eb('r.program_id', 'in', [...programIds]));
      if (strategyWide) ors.push(eb('r.program_id', 'is', null));
      return ors.length === 0 ? eb.lit(false) : eb.or(ors);
    })
    .orderBy('r.program_id')
    .orderBy('t.value_date')
    .orderBy('t.id')
    .execute();
}

/** What duplicate detection compares of a stored transaction. */
export interface ExistingTransactionRow {
  iati_ref: string | null;
  type: string;
  value_date: string;
  amount_minor: string | number | bigint;
  currency: string;
  donor_organization_id: string;
}

/** Live transactions carrying one of these refs or dated on one of these dates. */
export async function listPossibleDuplicates(
  db: Kysely<Database>,
  refs: readonly string[],
  dates: readonly string[],
): Promise<ExistingTransactionRow[]> {
  const rows: ExistingTransactionRow[] = [];
  const query = (column: 't.iati_ref' | 't.value_date', values: string[]) =>
    db
      .selectFrom('funding_transactions as t')
      .innerJoin('commitment_records as r', 'r.id', 't.record_id')
      .select(['t.iati_ref', 't.type', 't.value_date', 't.amount_minor', 't.currency'])
      .select('r.donor_organization_id')
      .where('r.deleted_at', 'is', null)
      .where(column, 'in', values)
      .execute();
  for (let i = 0; i < refs.length; i += 500) {
    rows.push(...(await query('t.iati_ref', refs.slice(i, i + 500))));
  }
  for (let i = 0; i < dates.length; i += 500) {
    rows.push(...(await query('t.value_date', dates.slice(i, i + 500))));
  }
  return rows;
}

/** The programs earlier imports chose for these activity identifiers. */
export async function listActivityLinks(
  db: Kysely<Database>,
  identifiers: readonly string[],
): Promise<{ iati_identifier: string; program_id: string | null }[]> {
  const rows: { iati_identifier: string; program_id: string | null }[] = [];
  for (let i = 0; i < identifiers.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('iati_activity_links')
        .select(['iati_identifier', 'program_id'])
        .where('iati_identifier', 'in', identifiers.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

/** Remembers the program chosen for an activity identifier (null: strategy-wide). */
export async function saveActivityLink(
  db: Kysely<Database>,
  link: { iatiIdentifier: string; programId: string | null; by: string; at: string },
): Promise<void> {
  await db
    .insertInto('iati_activity_links')
    .values({
      iati_identifier: link.iatiIdentifier,
      program_id: link.programId,
      updated_by: link.by,
      updated_at: link.at,
    })
    .onConflict((oc) =>
      oc.column('iati_identifier').doUpdateSet({
        program_id: link.programId,
        updated_by: link.by,
        updated_at: link.at,
      }),
    )
    .execute();
}

/** An import row. */
export type IatiImportRow = Selectable<IatiImportsTable>;

/** Stores a preview. */
export async function insertIatiImport(db: Kysely<Database>, row: IatiImportRow): Promise<void> {
  await db.insertInto('iati_imports').values(row).execute();
}

/** One import (expired previews excluded), or undefined. */
export function findIatiImport(
  db: Kysely<Database>,
  id: string,
  now: string,
): Promise<IatiImportRow | undefined> {
  return db
    .selectFrom('iati_imports')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('status', '!=', 'preview'), eb('expires_at', '>', now)]))
    .executeTakeFirst();
}

/**
 * Marks a preview imported with its receipt; false when it was not a preview any more (a
 * concurrent confirmation won).
 */
export async function markIatiImported(
  db: Kysely<Database>,
  id: string,
  preview: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('iati_imports')
    .set({ status: 'imported', preview, confirmed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'preview')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a preview (discarded) and every expired preview. */
export async function deleteIatiPreview(
  db: Kysely<Database>,
  id: string | null,
  now: string,
): Promise<void> {
  await db
    .deleteFrom('iati_imports')
    .where('status', '=', 'preview')
    .where((eb) => {
      const expired = eb('expires_at', '<=', now);
      return id === null ? expired : eb.or([expired, eb('id', '=', id)]);
    })
    .execute();
}
