import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { CloseCodes, CollabLimits } from '@mesa/shared';
import { sanitizeAwarenessUpdate } from './awareness.js';
import type { CollabClient } from './client.js';
import { fitsDocument } from './limits.js';
import {
  MalformedMessageError,
  decodeMessage,
  encodeAwareness,
  encodeSyncStep2,
} from './protocol.js';
import { isRealChange } from './readonly.js';

/** A message was refused; the connection closes with this code. */
export class RefusedMessage extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}

function applyChange(client: CollabClient, update: Uint8Array): void {
  const { doc, maxDocBytes } = client;
  if (client.mode === 'read') {
    // The stock client answers step 1 with a step 2 the server already has: drop it quietly.
    if (!isRealChange(doc.ydoc, update)) return;
    client.readOnlyChanges++;
    if (client.readOnlyChanges >= CollabLimits.readOnlyChangesBeforeClose)
      throw new RefusedMessage(CloseCodes.forbidden, 'read-only');
    return;
  }
  if (!fitsDocument(doc.bytes, update.length, maxDocBytes))
    throw new RefusedMessage(CloseCodes.documentTooLarge, 'document too large');
  // Decoding the whole update first means garbage is refused before anything is integrated.
  Y.decodeUpdate(update);
  Y.applyUpdate(doc.ydoc, update, client);
}

function applyAwareness(client: CollabClient, update: Uint8Array): void {
  const { doc } = client;
  const sanitized = sanitizeAwarenessUpdate(update, {
    own: client.awarenessIds,
    ownedByOther: (id) => doc.awarenessOwnedByOther(id, client),
    serverClientId: doc.ydoc.clientID,
    user: client.user,
  });
  if (sanitized) applyAwarenessUpdate(doc.awareness, sanitized, client);
}

function handle(client: CollabClient, data: Uint8Array): void {
  const message = decodeMessage(data);
  switch (message.type) {
    case 'syncStep1':
      client.send(encodeSyncStep2(client.doc.missing(message.stateVector)));
      return;
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
export function handleMessage(client: CollabClient, data: Uint8Array): void {
  try {
    handle(client, data);
  } catch (error) {
    if (error instanceof RefusedMessage) throw error;
    const reason = error instanceof MalformedMessageError ? error.message : 'malformed';
    throw new RefusedMessage(CloseCodes.malformed, reason);
  }
}
