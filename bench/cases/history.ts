// The late joiner's document history: deterministic, so every server gets the same bytes.
import * as Y from 'yjs';
import { prng } from '../harness/util.js';

/** A history as sent: merged messages, and what a joiner must end up holding. */
export interface History {
  batches: Uint8Array[];
  length: number;
  sv: Map<number, number>;
  /** The size of the whole document's state (`Y.encodeStateAsUpdate`). */
  stateBytes: number;
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz     ';

/**
 * `edits` edits, each its own Yjs transaction, merged `perMessage` to a message. Authors take
 * turns every 2 000 edits. `random` (default): 70 % insert 1–8 characters at a random place,
 * 30 % delete one character at a random place, so almost nothing merges (100 000 edits make a
 * ~2.6 MB state, as a document many people worked on for months). `typing`: 90 % type a
 * character at the cursor, 7 % backspace, 3 % move the cursor somewhere else.
 */
export function buildHistory(edits: number, perMessage: number, model: string): History {
  const random = prng(4);
  const doc = new Y.Doc();
  const text = doc.getText('bench');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const char = () => alphabet[Math.floor(random() * alphabet.length)]!;
  let cursor = 0;
  for (let i = 0; i < edits; i++) {
    if (i % 2000 === 0) doc.clientID = 1 + Math.floor(random() * 0xfffffffe);
    const length = text.length;
    if (model === 'random') {
      if (length > 20 && random() < 0.3) text.delete(Math.floor(random() * length), 1);
      else {
        let s = '';
        for (let k = 1 + Math.floor(random() * 8); k > 0; k--) s += char();
        text.insert(Math.floor(random() * (length + 1)), s);
      }
      continue;
    }
    const r = random();
    if (r < 0.03) cursor = Math.floor(random() * (length + 1));
    if (r >= 0.03 && r < 0.1 && cursor > 0) text.delete(--cursor, 1);
    else text.insert(cursor++, char());
  }
  const batches: Uint8Array[] = [];
  for (let i = 0; i < updates.length; i += perMessage)
    batches.push(Y.mergeUpdates(updates.slice(i, i + perMessage)));
  const history = {
    batches,
    length: text.length,
    sv: Y.decodeStateVector(Y.encodeStateVector(doc)),
    stateBytes: Y.encodeStateAsUpdate(doc).byteLength,
  };
  doc.destroy();
  return history;
}

/** Whether `doc` holds the whole history. */
export function hasHistory(doc: Y.Doc, history: History): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of history.sv) if ((have.get(client) ?? 0) < clock) return false;
  return doc.getText('bench').length === history.length;
}
