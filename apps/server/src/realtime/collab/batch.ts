import * as Y from 'yjs';
import type { DocumentWrite, SqliteUpdateAppender } from '../../modules/documents/index.js';
import { encodeAck } from './ack.js';
import type { LiveDocument, Peer } from './document.js';
import { encodeUpdate } from './protocol.js';

/** Rows after which a document's updates are merged into one (keeps loads fast). */
export const COMPACT_AFTER_ROWS = 500;
const HOUR_MS = 60 * 60 * 1000;

/** What one commit writes for one document, and what to relay once it is committed. */
export interface Batch {
  doc: LiveDocument;
  write: DocumentWrite;
  groups: Map<unknown, Uint8Array[]>;
  /** The state vector the commit makes durable (for acknowledgements). */
  storedStateVector: () => Uint8Array;
}

/** Merges updates, skipping the work for one. */
export const merge = (updates: Uint8Array[]) =>
  updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && 'ackEnabled' in origin;
}

/** The user behind the first connection among the origins (attributes automatic versions). */
export function firstUserId(origins: Iterable<unknown>): string | null {
  for (const o of origins) if (isPeer(o)) return o.userId;
  return null;
}

/** True when the document's rows should be merged or an automatic version saved. */
export function maintenanceDue(doc: LiveDocument, at: Date): { compact: boolean; due: boolean } {
  const compact = doc.rowsSinceCompaction > COMPACT_AFTER_ROWS;
  const due = doc.lastAutoVersionAt === null || at.getTime() - doc.lastAutoVersionAt >= HOUR_MS;
  return { compact, due };
}

/**
 * Takes a document's queue and decides, synchronously, what this commit appends for it.
 * Compaction and automatic versions are not written here: they run afterwards, off the path
 * between a change and its relay (see Persistence.maintain).
 */
export function takeBatch(doc: LiveDocument): Batch {
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
  const write: DocumentWrite = {
    name: doc.name,
    append: merge(pending.map((p) => p.update)),
    compactTo: null,
    autoVersion: null,
  };
  doc.rowsSinceCompaction += 1;
  return { doc, write, groups, storedStateVector: () => storedStateVector };
}

/** After the commit: relay each origin's changes to everyone else, acknowledge the senders. */
export function relay(batch: Batch): void {
  const { doc, groups } = batch;
  let ack: Uint8Array | null = null;
  for (const [origin, updates] of groups) {
    doc.broadcast(encodeUpdate(merge(updates)), origin);
    if (isPeer(origin) && origin.ackEnabled && doc.peers.has(origin)) {
      ack ??= encodeAck(batch.storedStateVector());
      origin.send(ack);
    }
  }
}

/**
 * The synchronous path: commits one change (autocommit, durable once `append` returns), then
 * relays it and acknowledges its sender in the same tick. Returns the error, having relayed
 * nothing, when the write failed.
 */
export function appendAndRelay(
  sqlite: SqliteUpdateAppender,
  doc: LiveDocument,
  update: Uint8Array,
  origin: unknown,
  at: Date,
): unknown {
  try {
    sqlite.append({ document: doc.name, update, created_at: at.toISOString() });
  } catch (error) {
    return error ?? new Error('append failed');
  }
  doc.rowsSinceCompaction += 1;
  const write = { name: doc.name, append: update, compactTo: null, autoVersion: null };
  const groups = new Map([[origin, [update]]]);
  relay({ doc, write, groups, storedStateVector: () => Y.encodeStateVector(doc.ydoc) });
  return null;
}
