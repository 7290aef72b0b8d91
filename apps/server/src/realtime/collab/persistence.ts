import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { commitDocumentWrites, type DocumentWrite } from '../../modules/documents/index.js';
import { encodeAck } from './ack.js';
import type { LiveDocument, Peer } from './document.js';
import { encodeUpdate } from './protocol.js';

/** Rows after which a document's updates are merged into one (keeps loads fast). */
export const COMPACT_AFTER_ROWS = 500;
const HOUR_MS = 60 * 60 * 1000;

interface Batch {
  doc: LiveDocument;
  write: DocumentWrite;
  groups: Map<unknown, Uint8Array[]>;
  storedStateVector: Uint8Array;
}

const merge = (updates: Uint8Array[]) =>
  updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);

/**
 * Stores what accepted messages changed, then relays it. Changes queue per document; once per
 * tick every queued change of every document is written in one transaction, and only after
 * the commit is each change relayed to the other connections and acknowledged to its sender.
 * Work runs one task at a time on a chain, so commits, compactions and unloads never overlap.
 */
export class Persistence {
  private readonly dirty = new Set<LiveDocument>();
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      now: () => Date;
      onFailure: (doc: LiveDocument, error: unknown) => void;
      onError: (error: unknown) => void;
    },
  ) {}

  /** Queues a change the Y.Doc made (its update event). */
  enqueue(doc: LiveDocument, update: Uint8Array, origin: unknown): void {
    if (doc.failed) return;
    doc.pending.push({ update, origin });
    doc.bytes += update.length;
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
      const state = Y.encodeStateAsUpdate(doc.ydoc);
      const write = { name: doc.name, append: null, compactTo: state, autoVersion: null };
      await commitDocumentWrites(this.deps.db, [write], this.deps.now());
      doc.rowsSinceCompaction = 1;
      doc.bytes = state.length;
    });
  }

  private run(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async commitDirty(): Promise<void> {
    if (this.dirty.size === 0) return;
    const at = this.deps.now();
    const batches = [...this.dirty].filter((d) => !d.failed).map((d) => takeBatch(d, at));
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
    for (const b of batches) relay(b);
  }
}

function firstUserId(origins: Iterable<unknown>): string | null {
  for (const o of origins) if (isPeer(o)) return o.userId;
  return null;
}

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && 'ackEnabled' in origin;
}

/** Takes a document's queue and decides, synchronously, what this commit writes for it. */
function takeBatch(doc: LiveDocument, at: Date): Batch {
  const pending = doc.pending;
  doc.pending = [];
  const groups = new Map<unknown, Uint8Array[]>();
  for (const p of pending) {
    const list = groups.get(p.origin);
    if (list) list.push(p.update);
    else groups.set(p.origin, [p.update]);
  }
  // Captured now: everything applied so far is in this commit or an earlier one.
  const storedStateVector = Y.encodeStateVector(doc.ydoc);
  const compact = doc.rowsSinceCompaction + 1 > COMPACT_AFTER_ROWS;
  const due = doc.lastAutoVersionAt === null || at.getTime() - doc.lastAutoVersionAt >= HOUR_MS;
  const state = compact || due ? Y.encodeStateAsUpdate(doc.ydoc) : null;
  const write: DocumentWrite = {
    name: doc.name,
    append: compact ? null : merge(pending.map((p) => p.update)),
    compactTo: compact ? state : null,
    autoVersion: due && state ? { state, createdBy: firstUserId(groups.keys()) } : null,
  };
  doc.rowsSinceCompaction = compact ? 1 : doc.rowsSinceCompaction + 1;
  if (compact && state) doc.bytes = state.length;
  if (due) doc.lastAutoVersionAt = at.getTime();
  return { doc, write, groups, storedStateVector };
}

/** After the commit: relay each origin's changes to everyone else, acknowledge the senders. */
function relay(batch: Batch): void {
  const { doc, groups } = batch;
  let ack: Uint8Array | null = null;
  for (const [origin, updates] of groups) {
    doc.broadcast(encodeUpdate(merge(updates)), origin);
    if (isPeer(origin) && origin.ackEnabled && doc.peers.has(origin)) {
      ack ??= encodeAck(batch.storedStateVector);
      origin.send(ack);
    }
  }
}
