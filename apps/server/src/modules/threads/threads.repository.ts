import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CommentsTable, CommentWritesTable, Database, ThreadsTable } from '../../db/schema.js';

type Db = Kysely<Database>;

/** A thread row as stored. */
export type ThreadRow = Selectable<ThreadsTable>;
/** A comment row as stored. */
export type CommentRow = Selectable<CommentsTable>;

/** A person as threads show them and the rules judge them. */
export interface PersonRow {
  id: string;
  name: string;
  role: string;
  active: number;
  organization_id: string;
  organization_kind: string;
  short_name_en: string;
  short_name_es: string;
}

/** True when the program exists. */
export async function programExists(db: Db, programId: string): Promise<boolean> {
  const row = await db
    .selectFrom('programs')
    .select('id')
    .where('id', '=', programId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Each organization's relation to a program. */
export async function programRelations(db: Db, programId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('program_organizations')
    .select(['organization_id', 'relation'])
    .where('program_id', '=', programId)
    .execute();
  return new Map(rows.map((r) => [r.organization_id, r.relation]));
}

/** People with their organization's kind and short names: the select every person read starts from. */
export function people(db: Db) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select([
      'u.id',
      'u.name',
      'u.role',
      'u.active',
      'u.organization_id',
      'o.kind as organization_kind',
      'o.short_name_en',
      'o.short_name_es',
    ]);
}

/** These people (any that exist), active or not. */
export async function selectPeople(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return people(db)
    .where('u.id', 'in', [...new Set(ids)])
    .execute();
}

/** Inserts a thread. */
export async function insertThread(db: Db, row: Insertable<ThreadsTable>): Promise<void> {
  await db.insertInto('threads').values(row).execute();
}

/** Inserts a comment. */
export async function insertComment(db: Db, row: Insertable<CommentsTable>): Promise<void> {
  await db.insertInto('comments').values(row).execute();
}

/** One thread, or undefined. */
export function selectThread(db: Db, id: string): Promise<ThreadRow | undefined> {
  return db.selectFrom('threads').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One comment, or undefined. */
export function selectComment(db: Db, id: string): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Where a page of threads starts: after the thread created at `createdAt` with `id`. */
export interface ThreadKey {
  createdAt: string;
  id: string;
}

/**
 * A subject's threads, newest first (created_at, then id, both descending), filtered by state;
 * with `page`, at most `limit` of them after `after` (a keyset: never an offset).
 */
export function selectSubjectThreads(
  db: Db,
  kind: string,
  key: string,
  state: 'open' | 'resolved' | 'all',
  page?: { limit: number; after: ThreadKey | null },
): Promise<ThreadRow[]> {
  let query = db
    .selectFrom('threads')
    .selectAll()
    .where('subject_kind', '=', kind)
    .where('subject_key', '=', key);
  if (state === 'open') query = query.where('resolved_at', 'is', null);
  if (state === 'resolved') query = query.where('resolved_at', 'is not', null);
  const after = page?.after;
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  query = query.orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (page) query = query.limit(page.limit);
  return query.execute();
}

/** A subject's threads with their anchors only, newest first (the editor's highlights). */
export function selectSubjectAnchors(db: Db, kind: string, key: string) {
  return db
    .selectFrom('threads')
    .select(['id', 'anchor_start', 'anchor_end', 'anchor_quote', 'anchor_removed', 'resolved_at'])
    .where('subject_kind', '=', kind)
    .where('subject_key', '=', key)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** How many of a subject's threads are open. */
export async function countOpenThreads(db: Db, kind: string, key: string): Promise<number> {
  const row = await db
    .selectFrom('threads')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('subject_kind', '=', kind)
    .where('subject_key', '=', key)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  // PostgreSQL answers count(*) as an int8 string.
  return Number(row?.n ?? 0);
}

/** The comments of these threads, oldest first. */
export async function selectThreadComments(
  db: Db,
  threadIds: readonly string[],
): Promise<CommentRow[]> {
  if (threadIds.length === 0) return [];
  return db
    .selectFrom('comments')
    .selectAll()
    .where('thread_id', 'in', [...threadIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Changes a comment. */
export async function updateComment(
  db: Db,
  id: string,
  patch: Updateable<CommentsTable>,
): Promise<void> {
  await db.updateTable('comments').set(patch).where('id', '=', id).execute();
}

/** Changes a thread. */
export async function updateThread(
  db: Db,
  id: string,
  patch: Updateable<ThreadsTable>,
): Promise<void> {
  await db.updateTable('threads').set(patch).where('id', '=', id).execute();
}

/**
 * Resolves or reopens a thread only if it is not in that state already: true when this call
 * made the change, so two people resolving at once (on any node) make one resolution.
 */
export async function setThreadResolution(
  db: Db,
  id: string,
  resolution: { by: string; at: string } | null,
): Promise<boolean> {
  const result = await db
    .updateTable('threads')
    .set({ resolved_by: resolution?.by ?? null, resolved_at: resolution?.at ?? null })
    .where('id', '=', id)
    .where('resolved_at', resolution ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Locks the person's row until the transaction ends (PostgreSQL), so one person's concurrent
 * writes — on any node — are counted one after the other. SQLite runs one write transaction
 * at a time already (`rowLocks` false).
 */
export async function lockPersonForWrites(db: Db, userId: string, rowLocks: boolean) {
  if (!rowLocks) return;
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/** Writes of one kind by one person since `since` (ISO). */
export async function countWritesSince(
  db: Db,
  userId: string,
  kind: string,
  since: string,
): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('comment_writes')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('at').as('oldest')])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('at', '>', since)
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldest: row?.oldest == null ? null : String(row.oldest) };
}

/** Records one write and forgets writes older than `before`. */
export async function recordWrite(
  db: Db,
  row: Insertable<CommentWritesTable>,
  before: string,
): Promise<void> {
  await db.insertInto('comment_writes').values(row).execute();
  await db.deleteFrom('comment_writes').where('at', '<=', before).execute();
}
