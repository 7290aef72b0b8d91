import type { RawData, WebSocket } from 'ws';
import * as Y from 'yjs';
import type { StoredDocument } from '../../modules/documents/index.js';
import type { LiveDocument, Peer } from './document.js';
import { decodeMessage, encodeSyncStep2, messageBytes } from './protocol.js';

/** The state vector of a sync step 1, or null for any other (or undecodable) message. */
function stateVectorOf(data: RawData): Uint8Array | null {
  try {
    const message = decodeMessage(messageBytes(data));
    return message.type === 'syncStep1' ? message.stateVector : null;
  } catch {
    return null; // refused when the connection handles it
  }
}

/**
 * Answers a joiner's sync step 1 from the document's stored state while the document loads:
 * building the Y.Doc of a large plan holds the event loop for hundreds of milliseconds, and
 * the joiner need not wait for it. The step 1 is taken out of `queued` (answered once), and
 * the promise settles when the answer is written out, so the build starts after it left. The
 * stored state is durable, so readers may have it as well as writers.
 */
export function answerFromStored(
  ws: WebSocket,
  queued: RawData[],
  stored: StoredDocument,
): Promise<boolean> {
  if (ws.readyState !== ws.OPEN) return Promise.resolve(false);
  const index = queued.findIndex((data) => stateVectorOf(data) !== null);
  if (index < 0) return Promise.resolve(false);
  const [step1] = queued.splice(index, 1);
  const stateVector = stateVectorOf(step1!)!;
  const state = stored.state ?? Y.encodeStateAsUpdate(new Y.Doc());
  const missing =
    Y.decodeStateVector(stateVector).size === 0 ? state : Y.diffUpdate(state, stateVector);
  return new Promise((resolve) => ws.send(encodeSyncStep2(missing), () => resolve(true)));
}

/**
 * After an early answer: what the document gained while it loaded (changes another node relayed
 * meanwhile), which the stored state could not hold. Nothing to send in the common case.
 */
export function catchUp(client: Peer & { doc: LiveDocument }, answeredFrom: StoredDocument): void {
  if (!client.doc.changedSinceLoad) return;
  const had = answeredFrom.state
    ? Y.encodeStateVectorFromUpdate(answeredFrom.state)
    : new Uint8Array([0]);
  client.send(encodeSyncStep2(Y.encodeStateAsUpdate(client.doc.ydoc, had)));
}
