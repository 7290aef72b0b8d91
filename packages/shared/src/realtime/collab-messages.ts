/**
 * Message types on the document endpoint. 0–3 are y-protocols' (y-websocket's); `ack` is
 * Mesa's own and is sent only to clients that connect with `?ack=1`, so a stock client never
 * receives a type it does not know.
 */
export const CollabMessageTypes = {
  /** y-protocols sync: step 1 (state vector), step 2 (missing updates), update. */
  sync: 0,
  /** y-protocols awareness update. */
  awareness: 1,
  /** y-protocols auth (sent by the server only; unused by Mesa). */
  auth: 2,
  /** Ask for every awareness state. */
  queryAwareness: 3,
  /**
   * Mesa: "your first N update messages are durable" — a varuint N counting, from the start of
   * the connection, the messages this connection sent that carry an update (see
   * isUpdateMessage), once the server has stored what each holds and everything the document
   * held when it arrived. Deletions and formatting count like insertions.
   */
  ack: 100,
} as const;

/** y-protocols sync sub-types that carry a document update: sync step 2 and update. */
const UPDATE_SYNC_STEPS: readonly number[] = [1, 2];

/**
 * True when an encoded y-websocket message carries a document update (sync step 2 or update).
 * Both sides count these the same way, so acknowledgements can name them by number. The type
 * and sub-type are varuints below 128: one byte each.
 */
export function isUpdateMessage(message: Uint8Array): boolean {
  return message[0] === CollabMessageTypes.sync && UPDATE_SYNC_STEPS.includes(message[1] ?? -1);
}

/** Query parameter by which a client asks for `ack` messages. */
export const COLLAB_ACK_PARAM = 'ack';

/** Limits of the document endpoint that are fixed (the others come from configuration). */
export const CollabLimits = {
  /** Awareness client ids one connection may own (tabs share a connection per tab). */
  awarenessEntriesPerConnection: 4,
  /** Largest awareness state of one client, in bytes of JSON. */
  awarenessStateBytes: 8 * 1024,
  /** Real changes a read-only connection may send (dropped) before it is closed with 4403. */
  readOnlyChangesBeforeClose: 3,
} as const;
