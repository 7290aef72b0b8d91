import { CloseCodes, isFinalCloseCode } from '@mesa/shared';

/**
 * What the plan editor tells its user about the document's connection and storage. Pure data,
 * free of Yjs, so the decisions below are testable as plain functions.
 */
export type CollabStatus =
  | { kind: 'connecting' }
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'stalled' }
  | { kind: 'offline' }
  | { kind: 'reconnecting' }
  | { kind: 'read-only' }
  | { kind: 'access-lost' }
  | { kind: 'signed-out' }
  | { kind: 'error'; code: number };

/** One kind of status. */
export type CollabStatusKind = CollabStatus['kind'];

/** What to do after the server (or the network) closed the document connection. */
export type CloseDecision =
  /** Try again with the provider's backoff, showing `status` meanwhile. */
  | { action: 'reconnect'; status: CollabStatus; recheckingAccess: boolean }
  /** Stop for good; `clearCopy` deletes this device's copy (the person lost access). */
  | { action: 'stop'; status: CollabStatus; clearCopy: boolean };

// Errors after which reconnecting would only send the same refused bytes again.
const stopOnError: readonly number[] = [
  CloseCodes.malformed,
  CloseCodes.documentTooLarge,
  CloseCodes.messageTooBig,
  CloseCodes.protocolError,
];

const serverGoingAway: readonly number[] = [CloseCodes.goingAway, CloseCodes.serviceRestart];

/**
 * The close-code policy of Mesa's document client. `recheckingAccess` is true when the previous
 * close was 4409 and no connection has synced since: access changed once, we reconnected to
 * re-check, and a second refusal is final rather than the start of a loop.
 */
export function decideOnClose(code: number, recheckingAccess: boolean): CloseDecision {
  if (code === CloseCodes.noSession)
    return { action: 'stop', status: { kind: 'signed-out' }, clearCopy: false };
  if (code === CloseCodes.forbidden)
    return { action: 'stop', status: { kind: 'access-lost' }, clearCopy: true };
  if (isFinalCloseCode(code))
    return { action: 'stop', status: { kind: 'error', code }, clearCopy: false };
  if (code === CloseCodes.accessChanged) {
    if (recheckingAccess)
      return { action: 'stop', status: { kind: 'access-lost' }, clearCopy: true };
    return { action: 'reconnect', status: { kind: 'reconnecting' }, recheckingAccess: true };
  }
  if (stopOnError.includes(code))
    return { action: 'stop', status: { kind: 'error', code }, clearCopy: false };
  // A flood refusal is transient: the backoff slows us down, the explanation stays visible.
  if (code === CloseCodes.tooManyMessages)
    return { action: 'reconnect', status: { kind: 'error', code }, recheckingAccess };
  if (serverGoingAway.includes(code))
    return { action: 'reconnect', status: { kind: 'reconnecting' }, recheckingAccess };
  // 1006 and friends: the network dropped. Typing goes on into this device's copy.
  return { action: 'reconnect', status: { kind: 'offline' }, recheckingAccess };
}

/** Facts of a live connection from which its status follows. */
export interface LiveFacts {
  /** The document is synced with the server over an open connection. */
  synced: boolean;
  /** The person may only read. */
  readOnly: boolean;
  /** The server confirmed as durable every update message sent on this connection. */
  allConfirmed: boolean;
  /** Saving has waited for the server's confirmation longer than it should. */
  stalled: boolean;
}

/** The status of a connection that has not been stopped, from its live facts. */
export function liveStatus(facts: LiveFacts, whileUnsynced: CollabStatus): CollabStatus {
  if (!facts.synced) return whileUnsynced;
  if (facts.readOnly) return { kind: 'read-only' };
  if (facts.allConfirmed) return { kind: 'saved' };
  return facts.stalled ? { kind: 'stalled' } : { kind: 'saving' };
}

/** True for statuses after which the client no longer reconnects by itself. */
export function isStopped(status: CollabStatus): boolean {
  return status.kind === 'access-lost' || status.kind === 'signed-out' || isStoppedError(status);
}

function isStoppedError(status: CollabStatus): boolean {
  return status.kind === 'error' && status.code !== CloseCodes.tooManyMessages;
}
