import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import {
  documentExists,
  insertUpdates,
  insertVersion,
  replaceAllUpdates,
  replaceUpdates,
  selectLatestAutoVersionAt,
  selectUpdates,
} from './documents.repository.js';

/** A document as read from the database when it is first opened. */
export interface StoredDocument {
  /** Every stored row merged into one update (empty document: null). */
  state: Uint8Array | null;
  /** Rows it was merged from (drives compaction). */
  rows: number;
  /** When its latest automatic version was saved (epoch ms), or null. */
  lastAutoVersionAt: number | null;
}

/**
 * Reads a document's stored state; null when the document does not exist. Throws on any
 * database or decoding failure — the caller must not fall back to an empty document, which
 * would overwrite the stored one.
 */
export async function loadStoredDocument(
  db: Kysely<Database>,
  name: string,
): Promise<StoredDocument | null> {
  if (!(await documentExists(db, name))) return null;
  const rows = await selectUpdates(db, name);
  const lastAuto = await selectLatestAutoVersionAt(db, name);
  const updates = rows.map((r) => r.update);
  let state: Uint8Array | null = null;
  if (updates.length === 1) state = updates[0]!;
  if (updates.length > 1) state = Y.mergeUpdates(updates);
  return {
    state,
    rows: rows.length,
    lastAutoVersionAt: lastAuto === null ? null : Date.parse(lastAuto),
  };
}

/** A document's whole state, to replace its stored rows (see DocumentWrite.compactTo). */
export interface Compaction {
  state: Uint8Array;
  holdsEveryRow: boolean;
}

/** What one tick's commit writes for one document. */
export interface DocumentWrite {
  name: string;
  /** The merged change to append, or null when `compactTo` covers it. */
  append: Uint8Array | null;
  /**
   * Compaction, or null: the whole state replacing every older row. `holdsEveryRow` is true when
   * the state already holds every stored row — one process that applied every change it stored
   * (SQLite, where nothing else writes the rows); they are then replaced without being read and
   * merged, which for a plan of a few hundred KB costs tens of milliseconds on the event loop.
   * Otherwise (PostgreSQL, several nodes) they are merged in, so a change another node stored
   * and this one has not applied yet is kept.
   */
  compactTo: Compaction | null;
  /** An automatic version to save with this commit, or null. */
  autoVersion: { state: Uint8Array; createdBy: string | null } | null;
}

/**
 * Replaces a document's stored rows by one: the in-memory state, merged with every row read
 * here (so nothing stored by another node, or not yet seen in memory, is lost) unless it
 * already holds every row.
 */
async function compactDocument(
  trx: Kysely<Database>,
  name: string,
  compactTo: Compaction,
  created_at: string,
): Promise<void> {
  const { state, holdsEveryRow } = compactTo;
  if (holdsEveryRow) return replaceAllUpdates(trx, { document: name, update: state, created_at });
  const rows = await selectUpdates(trx, name);
  const update = Y.mergeUpdates([...rows.map((r) => r.update), state]);
  await replaceUpdates(
    trx,
    { document: name, update, created_at },
    rows.map((r) => r.id),
  );
}

/** Writes one tick's changes of every document in one transaction. */
export async function commitDocumentWrites(
  db: Kysely<Database>,
  writes: readonly DocumentWrite[],
  at: Date,
): Promise<void> {
  const created_at = at.toISOString();
  await db.transaction().execute(async (trx) => {
    const appends = writes.flatMap((w) =>
      w.append ? [{ document: w.name, update: w.append, created_at }] : [],
    );
    await insertUpdates(trx, appends);
    for (const w of writes) {
      if (w.compactTo) await compactDocument(trx, w.name, w.compactTo, created_at);
      if (w.autoVersion)
        await insertVersion(trx, {
          id: newId(),
          document: w.name,
          name: null,
          kind: 'auto',
          state: w.autoVersion.state,
          created_by: w.autoVersion.createdBy,
          created_at,
        });
    }
  });
}
