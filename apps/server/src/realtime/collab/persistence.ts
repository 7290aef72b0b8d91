import * as Y from 'yjs';
import type { DocumentStore, DocumentWrite } from '../../modules/documents/index.js';
import { newId } from '../../lib/ids.js';
import type { LiveDocument, PendingUpdate, Peer } from './document.js';
import { encodeUpdate } from './protocol.js';

/** Rows after which a document's updates are merged into one (keeps loads fast). */
export const COMPACT_AFTER_ROWS = 500;
const HOUR_MS = 60 * 60 * 1000;
/** Waits before retrying a failed commit: quick for a busy database, patient for a full disk. */
const RETRY_MS = [20, 100, 500, 1000, 2000, 5000];

/** One document's part of a commit round. */
interface Batch {
  doc: LiveDocument;
  changes: PendingUpdate[];
  /** The document's change number when its changes were taken: stored once this commits. */
  upTo: number;
  write: DocumentWrite | null;
}

interface Maintenance {
  /** The state written, once taken. */
  state?: Uint8Array;
  compact: boolean;
  version: { createdBy: string | null } | null;
  done: (() => void)[];
}

const merge = (updates: Uint8Array[]) =>
  updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && 'canWrite' in origin;
}

/** The person behind the first connection among the changes (attributes automatic versions). */
function firstUserId(changes: readonly PendingUpdate[]): string | null {
  for (const c of changes) if (isPeer(c.origin)) return c.origin.userId;
  return null;
}

/**
 * Stores documents' changes in grouped commits. A change is queued when the Y.Doc applies it;
 * one commit round at a time takes every queued change of every document and stores them in
 * one transaction (the store's), so while a commit's fsync runs the next round's changes
 * gather. After a round is durable: its changes go to read-only connections and other nodes,
 * and the documents' waiters (acknowledgements, readers' syncs, services) are told. A failed
 * round stores nothing; its changes go back to the front of their queues and the round is
 * retried with a growing wait — nothing is acknowledged meanwhile, nothing is dropped.
 */
export class Persistence {
  private readonly dirty = new Set<LiveDocument>();
  private readonly maintenance = new Map<LiveDocument, Maintenance>();
  private scheduled = false;
  private running: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;

  constructor(
    private readonly deps: {
      store: DocumentStore;
      now: () => Date;
      /** Called with each document's stored changes after their commit (other nodes). */
      onStored?: (doc: LiveDocument, update: Uint8Array) => void;
      /** A commit round failed (it will be retried); `failures` counts those in a row. */
      onError: (error: unknown, failures: number) => void;
    },
  ) {}

  /** Whether the latest commit round failed (storage busy or full): health reports it. */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** Queues a change the Y.Doc made; it is stored in the next round. */
  enqueue(doc: LiveDocument, update: Uint8Array, origin: unknown): void {
    doc.bytes += update.length;
    doc.changeSeq++;
    doc.pending.push({ update, origin });
    this.dirty.add(doc);
    this.schedule();
  }

  /**
   * Resolves once every change of `doc` so far is stored and merging its rows into one was
   * tried (a failed merge is retried later, without holding anyone up).
   */
  settle(doc: LiveDocument): Promise<void> {
    return new Promise((resolve) => {
      doc.whenCommitted(doc.changeSeq, () => {
        if (doc.rowsSinceCompaction <= 1) return resolve();
        this.addMaintenance(doc, { compact: true, version: null, done: [resolve] });
        this.schedule();
      });
    });
  }

  /** Resolves when nothing is in flight (shutdown, after every document was settled). */
  async close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.scheduled || this.running || this.retryTimer) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.dirty.size > 0 || this.maintenance.size > 0)
        this.running = this.round().finally(() => {
          this.running = null;
          if (this.dirty.size > 0 || this.maintenance.size > 0) this.schedule();
        });
    });
  }

  private async round(): Promise<void> {
    const at = this.deps.now();
    const batches = [...this.dirty].map((doc) => this.take(doc));
    this.dirty.clear();
    const maintenance = new Map(this.maintenance);
    this.maintenance.clear();
    const writes = batches.flatMap((b) => (b.write ? [b.write] : []));
    writes.push(...[...maintenance].map(([doc, m]) => maintenanceWrite(doc, m)));
    try {
      await this.deps.store.commit(writes, at);
    } catch (error) {
      return this.retry(batches, maintenance, error);
    }
    this.failures = 0;
    for (const b of batches) this.afterCommit(b, at);
    for (const [doc, m] of maintenance) {
      if (m.compact) doc.rowsSinceCompaction = 1;
      for (const done of m.done) done();
    }
  }

  private take(doc: LiveDocument): Batch {
    const changes = doc.pending;
    doc.pending = [];
    const append = changes.length > 0 ? merge(changes.map((c) => c.update)) : null;
    const write = append ? { name: doc.name, append, compactTo: null, autoVersion: null } : null;
    return { doc, changes, upTo: doc.changeSeq, write };
  }

  private retry(batches: Batch[], maintenance: Map<LiveDocument, Maintenance>, error: unknown) {
    this.failures++;
    for (const b of batches) {
      b.doc.pending = [...b.changes, ...b.doc.pending];
      this.dirty.add(b.doc);
    }
    for (const [doc, m] of maintenance) {
      for (const done of m.done.splice(0)) done();
      this.addMaintenance(doc, m);
    }
    this.deps.onError(error, this.failures);
    const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length) - 1]!;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.schedule();
    }, wait);
  }

  /** Readers and other nodes get the stored changes; waiters learn they are durable. */
  private afterCommit(b: Batch, at: Date): void {
    const { doc, write } = b;
    if (write?.append) {
      doc.rowsSinceCompaction++;
      const message = encodeUpdate(write.append);
      for (const peer of doc.peers) if (!peer.canWrite) peer.send(message);
      this.deps.onStored?.(doc, write.append);
    }
    doc.markCommitted(b.upTo);
    const compact = doc.rowsSinceCompaction > COMPACT_AFTER_ROWS;
    const due = doc.lastAutoVersionAt === null || at.getTime() - doc.lastAutoVersionAt >= HOUR_MS;
    if (!compact && !(due && b.changes.length > 0)) return;
    // At most one automatic version an hour, even if writing it fails.
    if (due) doc.lastAutoVersionAt = at.getTime();
    const version = due ? { createdBy: firstUserId(b.changes) } : null;
    this.addMaintenance(doc, { compact, version, done: [] });
    this.schedule();
  }

  private addMaintenance(doc: LiveDocument, m: Maintenance): void {
    const existing = this.maintenance.get(doc);
    if (!existing) return void this.maintenance.set(doc, m);
    existing.compact ||= m.compact;
    existing.version ??= m.version;
    existing.done.push(...m.done);
  }
}

/**
 * Compaction and automatic versions: the whole state, taken when their round first starts
 * (kept for retries: the document may be unloaded by then).
 */
function maintenanceWrite(doc: LiveDocument, m: Maintenance): DocumentWrite {
  const state = (m.state ??= Y.encodeStateAsUpdate(doc.ydoc));
  return {
    name: doc.name,
    append: null,
    compactTo: m.compact ? state : null,
    autoVersion: m.version ? { id: newId(), state, createdBy: m.version.createdBy } : null,
  };
}
