import { Worker } from 'node:worker_threads';
import type { DocumentStore, DocumentWrite, StoredDocument } from './document-store.js';

/** A request to the SQLite store's worker. */
export type StoreRequest =
  | { id: number; op: 'load'; name: string }
  | { id: number; op: 'commit'; writes: readonly DocumentWrite[]; at: string }
  | { id: number; op: 'close' };

/** A request before it is numbered. */
type StoreCall = StoreRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

/** The worker's answer to one request. */
export type StoreReply =
  | { id: number; ok: true; result: StoredDocument | null }
  | { id: number; ok: false; message: string; code: string | null };

/** A store operation that failed in the worker; `code` is SQLite's (e.g. SQLITE_BUSY, SQLITE_FULL). */
export class DocumentStoreError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

interface Waiting {
  resolve: (result: StoredDocument | null) => void;
  reject: (error: Error) => void;
}

/**
 * Starts the worker. Run from the TypeScript sources (tests, `tsx`), the worker is the `.ts`
 * file loaded through tsx's documented ESM API; from the bundle, esbuild's `.js` beside main.js.
 */
function startWorker(file: string): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./sqlite-store.worker.js', here), { workerData: { file } });
  const worker = new URL('./sqlite-store.worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); })`;
  return new Worker(boot, { eval: true, workerData: { file } });
}

/**
 * The document store on SQLite: every load and commit runs on a worker thread with its own
 * connection (see sqlite-store.worker.ts). If the worker dies, what was in flight fails (its
 * changes stay queued with the caller) and the next request starts a new one.
 */
export function createSqliteDocumentStore(file: string): DocumentStore {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();

  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
    worker = null;
  };
  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = startWorker(file);
    started.on('message', (reply: StoreReply) => {
      const w = waiting.get(reply.id);
      if (!w) return;
      waiting.delete(reply.id);
      if (reply.ok) w.resolve(reply.result);
      else w.reject(new DocumentStoreError(reply.message, reply.code));
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => {
      if (worker === started)
        failAll(new DocumentStoreError(`store worker exited (${code})`, null));
    });
    worker = started;
    return started;
  };
  const request = (message: StoreCall): Promise<StoredDocument | null> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      ensureWorker().postMessage({ ...message, id });
    });

  // Started with the server, not with the first document: a thread and its connection take
  // ~100 ms to start, which the first person to open a plan after a restart would wait for.
  ensureWorker();
  return {
    load: (name) => request({ op: 'load', name }),
    async commit(writes, at) {
      if (writes.length > 0) await request({ op: 'commit', writes, at: at.toISOString() });
    },
    async close() {
      if (!worker) return;
      const closing = worker;
      await request({ op: 'close' });
      worker = null;
      await closing.terminate();
    },
  };
}
