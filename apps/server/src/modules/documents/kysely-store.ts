import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { compactedRow, storedDocument } from './document-state.js';
import type { DocumentStore, DocumentWrite } from './document-store.js';
import {
  documentExists,
  insertUpdates,
  insertVersion,
  replaceUpdates,
  selectExistingDocuments,
  selectLatestAutoVersionAt,
  selectUpdates,
} from './documents.repository.js';

async function writeOne(trx: Kysely<Database>, w: DocumentWrite, created_at: string) {
  if (w.append) await insertUpdates(trx, [{ document: w.name, update: w.append, created_at }]);
  if (w.compactTo) {
    const rows = await selectUpdates(trx, w.name);
    const update = compactedRow(
      rows.map((r) => r.update),
      w.compactTo,
    );
    await replaceUpdates(
      trx,
      { document: w.name, update, created_at },
      rows.map((r) => r.id),
    );
  }
  if (w.autoVersion)
    await insertVersion(trx, {
      id: w.autoVersion.id,
      document: w.name,
      name: null,
      kind: 'auto',
      state: w.autoVersion.state,
      created_by: w.autoVersion.createdBy,
      created_at,
    });
}

/**
 * The document store over Kysely (PostgreSQL): loads and commits on the pool, one transaction
 * per commit. Several nodes may write the same document; compaction merges the rows it reads.
 */
export function createKyselyDocumentStore(db: Kysely<Database>): DocumentStore {
  return {
    async load(name) {
      if (!(await documentExists(db, name))) return null;
      const rows = await selectUpdates(db, name);
      const lastAuto = await selectLatestAutoVersionAt(db, name);
      return storedDocument(
        rows.map((r) => r.update),
        lastAuto,
      );
    },
    async commit(writes, at) {
      if (writes.length === 0) return;
      const created_at = at.toISOString();
      await db.transaction().execute(async (trx) => {
        const existing = new Set(
          await selectExistingDocuments(
            trx,
            writes.map((w) => w.name),
          ),
        );
        for (const w of writes) if (existing.has(w.name)) await writeOne(trx, w, created_at);
      });
    },
    close: () => Promise.resolve(),
  };
}
