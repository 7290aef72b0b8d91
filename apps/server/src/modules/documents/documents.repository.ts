import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** A stored Yjs update row. */
export interface UpdateRow {
  id: number;
  update: Uint8Array;
}

/** Inserts a document row unless one exists; true when this call created it. */
export async function insertDocumentIfAbsent(
  db: Db,
  row: { name: string; kind: string; created_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('documents')
    .values(row)
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** True when the document exists. */
export async function documentExists(db: Db, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .select('name')
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every stored update of a document, oldest first (after compaction: one merged row + tail). */
export async function selectUpdates(db: Db, name: string): Promise<UpdateRow[]> {
  return db
    .selectFrom('document_updates')
    .select(['id', 'update'])
    .where('document', '=', name)
    .orderBy('id')
    .execute();
}

/** Appends updates (one statement); returns nothing, ids are generated. */
export async function insertUpdates(
  db: Db,
  rows: { document: string; update: Uint8Array; created_at: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('document_updates').values(rows).execute();
}

/** Which of these documents still exist (a deleted one takes its rows with it). */
export async function selectExistingDocuments(db: Db, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .select('name')
    .where('name', 'in', [...names])
    .execute();
  return rows.map((r) => r.name);
}

/**
 * Writes a document's merged state as a new row and deletes exactly the rows it was merged
 * from (by id, not "every older row": a row another node committed meanwhile must survive).
 * Run inside a transaction, so a crash leaves either the old rows or the merged one.
 */
export async function replaceUpdates(
  db: Db,
  row: { document: string; update: Uint8Array; created_at: string },
  replacedIds: readonly (number | string)[],
): Promise<void> {
  await db.insertInto('document_updates').values(row).execute();
  if (replacedIds.length === 0) return;
  await db
    .deleteFrom('document_updates')
    .where('document', '=', row.document)
    .where('id', 'in', replacedIds.map(Number))
    .execute();
}

/** A version row as stored. */
export interface VersionRow {
  id: string;
  document: string;
  name: string | null;
  kind: string;
  created_by: string | null;
  created_at: string;
}

/** Inserts one version (a full-state copy). */
export async function insertVersion(
  db: Db,
  row: VersionRow & { state: Uint8Array },
): Promise<void> {
  await db.insertInto('document_versions').values(row).execute();
}

/** A version row with its author's name (null if unknown) and its number in the history. */
export type NumberedVersionRow = VersionRow & { author_name: string | null; number: number };

/** How many versions a document has. */
async function countVersions(db: Db, name: string): Promise<number> {
  const row = await db
    .selectFrom('document_versions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('document', '=', name)
    .executeTakeFirst();
  // PostgreSQL answers count(*) as an int8 string.
  return Number(row?.n ?? 0);
}

/**
 * Versions of a document, newest first, numbered from the oldest (1) in the order they were
 * saved (time, then id), with the author's name.
 */
export async function selectVersions(
  db: Db,
  name: string,
  limit: number,
): Promise<NumberedVersionRow[]> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('document_versions as v')
      .leftJoin('users as u', 'u.id', 'v.created_by')
      .select(['v.id', 'v.document', 'v.name', 'v.kind', 'v.created_by', 'v.created_at'])
      .select('u.name as author_name')
      .where('v.document', '=', name)
      .orderBy('v.created_at', 'desc')
      .orderBy('v.id', 'desc')
      .limit(limit)
      .execute(),
    countVersions(db, name),
  ]);
  return rows.map((row, i) => ({ ...row, number: total - i }));
}

/** The number of one version: how many of the document's versions were saved up to it. */
export async function versionNumber(
  db: Db,
  name: string,
  row: { id: string; created_at: string },
): Promise<number> {
  const found = await db
    .selectFrom('document_versions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('document', '=', name)
    .where((eb) =>
      eb.or([
        eb('created_at', '<', row.created_at),
        eb.and([eb('created_at', '=', row.created_at), eb('id', '<=', row.id)]),
      ]),
    )
    .executeTakeFirst();
  return Number(found?.n ?? 0);
}

function versionWithState(db: Db, name: string) {
  return db
    .selectFrom('document_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.id', 'v.document', 'v.name', 'v.kind', 'v.created_by', 'v.created_at', 'v.state'])
    .select('u.name as author_name')
    .where('v.document', '=', name);
}

/** One version with its state, author's name and number, or undefined. */
export async function selectVersion(db: Db, name: string, id: string) {
  const row = await versionWithState(db, name).where('v.id', '=', id).executeTakeFirst();
  return row && { ...row, number: await versionNumber(db, name, row) };
}

/** The document's latest version with its state, author's name and number, or undefined. */
export async function selectLatestVersion(db: Db, name: string) {
  const row = await versionWithState(db, name)
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { ...row, number: await countVersions(db, name) };
}

/** When the document's latest automatic version was saved (ISO), or null. */
export async function selectLatestAutoVersionAt(db: Db, name: string): Promise<string | null> {
  const row = await db
    .selectFrom('document_versions')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('document', '=', name)
    .where('kind', '=', 'auto')
    .executeTakeFirst();
  return row?.at ?? null;
}
