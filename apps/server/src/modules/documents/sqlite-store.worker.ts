import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { applySqlitePragmas } from '../../db/sqlite-pragmas.js';
import { compactedRow, storedDocument } from './document-state.js';
import type { DocumentWrite, StoredDocument } from './document-store.js';
import type { StoreReply, StoreRequest } from './sqlite-store.js';

/**
 * The SQLite document store's own thread and connection: commits (with their fsync, WAL with
 * synchronous=FULL) and loads run here, so the server's event loop never waits on the disk or
 * on another writer's lock. Requests are answered in the order they arrive.
 */
const { file } = workerData as { file: string };
const db = new SQLite(file);
// Waiting for a lock blocks only this thread; past it the commit fails and the caller retries.
applySqlitePragmas(db, { busyTimeoutMs: 5000 });

const statements = {
  exists: db.prepare<[string], { name: string }>('select name from documents where name = ?'),
  rows: db.prepare<[string], { id: number; update: Uint8Array }>(
    'select id, "update" from document_updates where document = ? order by id',
  ),
  lastAuto: db.prepare<[string], { at: string | null }>(
    `select max(created_at) as at from document_versions where document = ? and kind = 'auto'`,
  ),
  append: db.prepare(
    'insert into document_updates (document, "update", created_at) values (?, ?, ?)',
  ),
  deleteUpTo: db.prepare('delete from document_updates where document = ? and id <= ?'),
  version: db.prepare(
    `insert into document_versions (id, document, name, kind, state, created_by, created_at)
     values (?, ?, null, 'auto', ?, ?, ?)`,
  ),
};

function writeOne(w: DocumentWrite, createdAt: string): void {
  if (!statements.exists.get(w.name)) return;
  if (w.append) statements.append.run(w.name, w.append, createdAt);
  if (w.compactTo) {
    // Inside an IMMEDIATE transaction nothing else writes: the rows read are exactly those replaced.
    const rows = statements.rows.all(w.name);
    const merged = compactedRow(
      rows.map((r) => r.update),
      w.compactTo,
    );
    if (rows.length > 0) statements.deleteUpTo.run(w.name, rows.at(-1)!.id);
    statements.append.run(w.name, merged, createdAt);
  }
  const v = w.autoVersion;
  if (v) statements.version.run(v.id, w.name, v.state, v.createdBy, createdAt);
}

const commit = db.transaction((writes: readonly DocumentWrite[], createdAt: string) => {
  for (const w of writes) writeOne(w, createdAt);
});

function handle(request: StoreRequest): StoredDocument | null {
  switch (request.op) {
    case 'load': {
      if (!statements.exists.get(request.name)) return null;
      const rows = statements.rows.all(request.name);
      const lastAuto = statements.lastAuto.get(request.name)?.at ?? null;
      return storedDocument(
        rows.map((r) => r.update),
        lastAuto,
      );
    }
    case 'commit':
      commit.immediate(request.writes, request.at);
      return null;
    case 'close':
      db.close();
      return null;
  }
}

parentPort!.on('message', (request: StoreRequest) => {
  let reply: StoreReply;
  try {
    reply = { id: request.id, ok: true, result: handle(request) };
  } catch (error) {
    const e = error as { message?: unknown; code?: unknown };
    reply = {
      id: request.id,
      ok: false,
      message: typeof e.message === 'string' ? e.message : String(error),
      code: typeof e.code === 'string' ? e.code : null,
    };
  }
  parentPort!.postMessage(reply);
  if (request.op === 'close') parentPort!.close();
});
