import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { commitDocumentWrites, type SqliteUpdateAppender } from '../../modules/documents/index.js';
import { appendAndRelay, firstUserId, maintenanceDue, relay, takeBatch } from './batch.js';
import type { LiveDocument } from './document.js';

export { COMPACT_AFTER_ROWS } from './batch.js';

/**
 * Stores what accepted messages changed, then relays it. On SQLite, when nothing else is in
 * flight, a change is appended synchronously (committed before `append` returns) and relayed
 * in the same tick. Otherwise (PostgreSQL, or while an async task runs) changes queue per
 * document and once per tick every queued change is written in one transaction, and only
 * after the commit relayed and acknowledged. Async work runs one task at a time on a chain,
 * so commits, compactions and unloads never overlap, and while any is queued or running the
 * synchronous path is off: a change appended meanwhile could otherwise be relayed ahead of an
 * older uncommitted one, or be deleted by a compaction whose state was taken before it.
 */
export class Persistence {
  private readonly dirty = new Set<LiveDocument>();
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  /** Async tasks queued or running. */
  private busy = 0;
  /** Documents with a compaction or automatic version scheduled. */
  private readonly maintaining = new Set<LiveDocument>();

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      /** SQLite only: the synchronous append path. */
      appender?: SqliteUpdateAppender | null;
      now: () => Date;
      onFailure: (doc: LiveDocument, error: unknown) => void;
      onError: (error: unknown) => void;
      /** Called with each change once it is stored and relayed to local peers (publishing). */
      onStored?: (doc: LiveDocument, update: Uint8Array) => void;
    },
  ) {}

  /** Queues (or, on the synchronous path, stores and relays) a change the Y.Doc made. */
  enqueue(doc: LiveDocument, update: Uint8Array, origin: unknown): void {
    if (doc.failed) return;
    doc.bytes += update.length;
    const appender = this.deps.appender;
    if (appender && this.busy === 0 && this.dirty.size === 0 && !appender.inTransaction)
      return this.storeNow(appender, doc, update, origin);
    doc.pending.push({ update, origin });
    this.dirty.add(doc);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.flush().catch((error: unknown) => this.deps.onError(error));
    });
  }

  /** Resolves once everything queued so far is committed (or failed). */
  flush(): Promise<void> {
    this.scheduled = false;
    return this.run(() => this.commitDirty());
  }

  /** Commits what is queued, then merges the document's rows into one if it has several. */
  settle(doc: LiveDocument): Promise<void> {
    return this.run(async () => {
      await this.commitDirty();
      if (doc.failed || doc.rowsSinceCompaction <= 1) return;
      await this.writeState(doc, true, false);
    });
  }

  private storeNow(
    sqlite: SqliteUpdateAppender,
    doc: LiveDocument,
    update: Uint8Array,
    o: unknown,
  ) {
    const at = this.deps.now();
    const error = appendAndRelay(sqlite, doc, update, o, at);
    if (error === null) {
      this.deps.onStored?.(doc, update);
      return this.scheduleMaintenance(doc, at, firstUserId([o]));
    }
    // Nothing was relayed; the document is closed outside the Y.Doc's update event.
    doc.failed = true;
    setImmediate(() => this.deps.onFailure(doc, error));
  }

  /** Compaction and automatic versions: after the relay, in a later tick, on the chain. */
  private scheduleMaintenance(doc: LiveDocument, at: Date, createdBy: string | null): void {
    const { compact, due } = maintenanceDue(doc, at);
    if ((!compact && !due) || this.maintaining.has(doc)) return;
    this.maintaining.add(doc);
    if (due) doc.lastAutoVersionAt = at.getTime(); // at most one an hour, even if it fails
    setImmediate(() => {
      this.run(() => this.writeState(doc, compact, due, createdBy))
        .catch((error: unknown) => this.deps.onError(error))
        .finally(() => this.maintaining.delete(doc));
    });
  }

  /** Writes the full state as the merged row and/or an automatic version. */
  private async writeState(
    doc: LiveDocument,
    compact: boolean,
    version: boolean,
    createdBy: string | null = null,
  ): Promise<void> {
    if (doc.failed) return;
    // Taken inside the task: every change applied so far is committed (the chain is in order)
    const state = Y.encodeStateAsUpdate(doc.ydoc);
    const write = {
      name: doc.name,
      append: null,
      compactTo: compact ? state : null,
      autoVersion: version ? { state, createdBy } : null,
    };
    await commitDocumentWrites(this.deps.db, [write], this.deps.now());
    if (!compact) return;
    // Rows appended while the write ran are kept (they come after the merged row).
    doc.rowsSinceCompaction = 1;
    doc.bytes = state.length;
  }

  private run(task: () => Promise<void>): Promise<void> {
    this.busy++;
    const next = this.chain.then(task).finally(() => this.busy--);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async commitDirty(): Promise<void> {
    if (this.dirty.size === 0) return;
    const at = this.deps.now();
    const batches = [...this.dirty].filter((d) => !d.failed).map((d) => takeBatch(d));
    this.dirty.clear();
    try {
      await commitDocumentWrites(
        this.deps.db,
        batches.map((b) => b.write),
        at,
      );
    } catch (error) {
      for (const b of batches) this.deps.onFailure(b.doc, error);
      return;
    }
    for (const b of batches) {
      relay(b);
      if (b.write.append) this.deps.onStored?.(b.doc, b.write.append);
      this.scheduleMaintenance(b.doc, at, firstUserId(b.groups.keys()));
    }
  }
}
