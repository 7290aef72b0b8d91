import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { CloseCodes, CollabLimits, CollabMessageTypes, type AwarenessUser } from '@mesa/shared';
import { documentContains, type AckTracker } from './ack.js';
import { sanitizeAwarenessUpdate } from './awareness.js';
import type { LiveDocument, Peer } from './document.js';
import { fitsDocument } from './limits.js';
import {
  MalformedMessageError,
  decodeMessage,
  encodeAwareness,
  encodeSyncStep2,
} from './protocol.js';

/** A message was refused; the connection closes with this code. */
export class RefusedMessage extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** What handling a message needs of its connection (CollabClient; no import of it, no cycle). */
export interface MessageTarget extends Peer {
  readonly doc: LiveDocument;
  readonly user: AwarenessUser;
  readonly limits: { maxMessageBytes: number; maxDocBytes: number };
  readonly acks: AckTracker | null;
  /** Real changes a read-only connection sent (dropped). */
  readOnlyChanges: number;
}

/**
 * A single update, awareness change or state vector stays under the message limit; only a
 * writer's sync step 2 (everything it typed offline) may be as large as the document limit.
 */
function checkSize(client: MessageTarget, data: Uint8Array): void {
  // Read before decoding (a sync step 2 is type 0, sub-type 1: one byte each).
  const syncStep2 = data[0] === CollabMessageTypes.sync && data[1] === 1;
  const { maxDocBytes, maxMessageBytes } = client.limits;
  const limit =
    syncStep2 && client.canWrite ? Math.max(maxDocBytes, maxMessageBytes) : maxMessageBytes;
  if (data.length > limit) throw new RefusedMessage(CloseCodes.messageTooBig, 'message too big');
}

function applyChange(client: MessageTarget, update: Uint8Array): void {
  const { doc } = client;
  // Decoding the whole update first means garbage is refused before anything is integrated.
  const decoded = Y.decodeUpdate(update);
  if (!client.canWrite) {
    // The stock client answers step 1 with a step 2 the server already has: drop it quietly.
    if (documentContains(doc.ydoc, decoded)) return;
    client.readOnlyChanges++;
    if (client.readOnlyChanges >= CollabLimits.readOnlyChangesBeforeClose)
      throw new RefusedMessage(CloseCodes.forbidden, 'read-only');
    return;
  }
  if (!fitsDocument(doc.bytes, update.length, client.limits.maxDocBytes))
    throw new RefusedMessage(CloseCodes.documentTooLarge, 'document too large');
  Y.applyUpdate(doc.ydoc, update, client);
  client.acks?.track(update, documentContains(doc.ydoc, decoded));
}

/**
 * Sync step 2 for a client's state vector. A writer gets it at once (it holds what it types
 * and would send it back after a crash); a reader only once everything in it is stored, so no
 * one holds text the server could lose and not get back.
 */
function answerSyncStep1(client: MessageTarget, stateVector: Uint8Array): void {
  const { doc } = client;
  const reply = encodeSyncStep2(doc.missing(stateVector));
  if (client.canWrite) return client.send(reply);
  doc.whenCommitted(doc.changeSeq, () => client.send(reply));
}

function applyAwareness(client: MessageTarget, update: Uint8Array): void {
  const { doc } = client;
  const sanitized = sanitizeAwarenessUpdate(update, {
    own: client.awarenessIds,
    ownedByOther: (id) => doc.awarenessOwnedByOther(id, client),
    serverClientId: doc.ydoc.clientID,
    user: client.user,
  });
  if (sanitized) applyAwarenessUpdate(doc.awareness, sanitized, client);
}

function handle(client: MessageTarget, data: Uint8Array): void {
  checkSize(client, data);
  const message = decodeMessage(data);
  switch (message.type) {
    case 'syncStep1':
      return answerSyncStep1(client, message.stateVector);
    case 'syncStep2':
    case 'update':
      return applyChange(client, message.update);
    case 'awareness':
      return applyAwareness(client, message.update);
    case 'queryAwareness': {
      const states = [...client.doc.awareness.getStates().keys()];
      if (states.length > 0)
        client.send(encodeAwareness(encodeAwarenessUpdate(client.doc.awareness, states)));
    }
  }
}

/**
 * Decodes and applies one message inside a guard: whatever the bytes, it either applies a
 * valid change or throws a RefusedMessage with the close code (4400 for anything undecodable).
 */
export function handleMessage(client: MessageTarget, data: Uint8Array): void {
  try {
    handle(client, data);
  } catch (error) {
    if (error instanceof RefusedMessage) throw error;
    const reason = error instanceof MalformedMessageError ? error.message : 'malformed';
    throw new RefusedMessage(CloseCodes.malformed, reason);
  }
}
