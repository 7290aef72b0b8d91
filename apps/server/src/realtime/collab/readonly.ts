import * as Y from 'yjs';

/**
 * True when an update would change the document: content it does not have, or deletions it
 * has not applied. The stock client answers the server's sync step 1 with a step 2 that holds
 * only what the server already has (at least the delete set); that is not a change.
 * Throws on undecodable input (the caller closes with 4400).
 */
export function isRealChange(doc: Y.Doc, update: Uint8Array): boolean {
  return !Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}
