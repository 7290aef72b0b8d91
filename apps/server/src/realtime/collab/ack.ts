import * as encoding from 'lib0/encoding';
import { COLLAB_ACK_PARAM, CollabMessageTypes } from '@mesa/shared';

/** True when the upgrade's query asks for acknowledgements (`?ack=1`). */
export function wantsAck(query: URLSearchParams): boolean {
  return query.get(COLLAB_ACK_PARAM) === '1';
}

/**
 * Mesa's acknowledgement: type 100 followed by the stored state vector, sent after a commit
 * to a client that asked for it. The editor compares it with its own state vector: when the
 * server's covers every clock of its own client id, everything it typed is durable ("Saved").
 */
export function encodeAck(storedStateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageTypes.ack);
  encoding.writeVarUint8Array(encoder, storedStateVector);
  return encoding.toUint8Array(encoder);
}
