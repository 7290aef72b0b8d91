import * as Y from 'yjs';
import type { StoredDocument } from './document-store.js';

/** Merges a document's stored rows, oldest first, into one update (null when there are none). */
export function mergeRows(updates: readonly Uint8Array[]): Uint8Array | null {
  if (updates.length === 0) return null;
  if (updates.length === 1) return updates[0]!;
  return Y.mergeUpdates([...updates]);
}

/** A StoredDocument from the rows and latest automatic version read for it. */
export function storedDocument(
  updates: readonly Uint8Array[],
  lastAutoVersionAt: string | null,
): StoredDocument {
  return {
    state: mergeRows(updates),
    rows: updates.length,
    lastAutoVersionAt: lastAutoVersionAt === null ? null : Date.parse(lastAutoVersionAt),
  };
}

/** The single row that replaces `rows` and everything `state` holds (compaction). */
export function compactedRow(rows: readonly Uint8Array[], state: Uint8Array): Uint8Array {
  return rows.length === 0 ? state : Y.mergeUpdates([...rows, state]);
}
