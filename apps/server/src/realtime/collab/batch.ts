import * as Y from 'yjs';
import type { DocumentWrite } from '../../modules/documents/index.js';
import { encodeAck } from './ack.js';
import type { LiveDocument, PendingUpdate, Peer } from './document.js';
import { FramedMessage } from './frame.js';
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
  const groups = groupByOrigin(pending);
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

/** Groups items by a key, keeping their order within each group and the groups' first-seen order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Groups changes' updates by origin, keeping their order. */
export function groupByOrigin(changes: readonly PendingUpdate[]): Map<unknown, Uint8Array[]> {
  const groups = new Map<unknown, Uint8Array[]>();
  for (const [origin, list] of groupBy(changes, (c) => c.origin))
    groups.set(
      origin,
      list.map((c) => c.update),
    );
  return groups;
}

/**
 * After the commit: sends each connection, in one message, what this commit stored that it
 * did not send itself, then acknowledges the senders that asked. Under load a tick holds many
 * changes; merged, they cost every client one message and one apply instead of one each.
 */
export function relay(
  doc: LiveDocument,
  groups: Map<unknown, Uint8Array[]>,
  storedStateVector: () => Uint8Array,
): void {
  if (groups.size === 1) {
    const [origin, updates] = groups.entries().next().value!;
    return relayOne(doc, merge(updates), origin, storedStateVector);
  }
  // Merged and framed only if some connection sent none of these changes.
  let everything: FramedMessage | null = null;
  for (const peer of doc.peers) {
    if (!groups.has(peer)) {
      peer.sendFramed(
        (everything ??= new FramedMessage(encodeUpdate(merge([...groups.values()].flat())))),
      );
      continue;
    }
    const others: Uint8Array[] = [];
    for (const [origin, updates] of groups) if (origin !== peer) others.push(...updates);
    peer.send(encodeUpdate(merge(others)));
  }
  let ack: Uint8Array | null = null;
  for (const origin of groups.keys()) {
    if (isPeer(origin) && origin.ackEnabled && doc.peers.has(origin)) {
      ack ??= encodeAck(storedStateVector());
      origin.send(ack);
    }
  }
}

/** `relay` for one change (or one origin's changes, merged): to everyone else, then the ack. */
export function relayOne(
  doc: LiveDocument,
  update: Uint8Array,
  origin: unknown,
  storedStateVector: () => Uint8Array,
): void {
  doc.broadcast(encodeUpdate(update), origin);
  if (isPeer(origin) && origin.ackEnabled && doc.peers.has(origin))
    origin.send(encodeAck(storedStateVector()));
}
