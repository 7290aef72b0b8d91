import type { WebSocket, RawData } from 'ws';
import { CloseCodes, type AwarenessUser } from '@mesa/shared';
import { encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Actor } from '../../authz/index.js';
import { AckTracker } from './ack.js';
import { awarenessUser } from './awareness.js';
import type { LiveDocument, Peer } from './document.js';
import { MAX_BUFFERED_BYTES, type MessageRate } from './limits.js';
import { RefusedMessage, handleMessage } from './messages.js';
import { encodeAwareness, encodeSyncStep1, messageBytes } from './protocol.js';

/** How a connection may use its document. */
export type AccessMode = 'write' | 'read';

/** Size limits of one connection's messages. */
export interface MessageLimits {
  /** Largest single message (updates, awareness, a reader's sync). */
  maxMessageBytes: number;
  /** Largest document, and so the largest sync step 2 a writer may send. */
  maxDocBytes: number;
}

/** What a connection is, once authorized. */
export interface ClientInit {
  ws: WebSocket;
  doc: LiveDocument;
  actor: Actor;
  mode: AccessMode;
  ackEnabled: boolean;
  /** The upgrade's Cookie header, to re-check the session when access changes. */
  cookie: string | undefined;
  rate: MessageRate;
  limits: MessageLimits;
  onClose: (client: CollabClient) => void;
}

/** One authorized connection to one document. */
export class CollabClient implements Peer {
  readonly awarenessIds = new Set<number>();
  readonly ws: WebSocket;
  readonly doc: LiveDocument;
  readonly actor: Actor;
  readonly mode: AccessMode;
  readonly canWrite: boolean;
  readonly cookie: string | undefined;
  readonly user: AwarenessUser;
  readonly limits: MessageLimits;
  /** Acknowledgements, for a writer that asked for them. */
  readonly acks: AckTracker | null;
  /** Real changes a read-only connection sent (dropped). */
  readOnlyChanges = 0;
  private closed = false;

  constructor(private readonly init: ClientInit) {
    ({ ws: this.ws, doc: this.doc, actor: this.actor, mode: this.mode } = init);
    this.canWrite = init.mode === 'write';
    this.cookie = init.cookie;
    this.limits = init.limits;
    this.user = awarenessUser(init.actor);
    this.acks =
      init.ackEnabled && this.canWrite ? new AckTracker(this.doc, (m) => this.send(m)) : null;
  }

  /** The person's id. */
  get userId(): string {
    return this.actor.userId;
  }

  /** Joins the document: sync step 1, presence, then the messages that arrived meanwhile. */
  start(queued: RawData[]): void {
    this.doc.peers.add(this);
    this.ws.on('message', (data) => this.receive(data));
    this.ws.on('close', () => this.finish());
    this.send(encodeSyncStep1(Y.encodeStateVector(this.doc.ydoc)));
    const states = [...this.doc.awareness.getStates().keys()];
    if (states.length > 0)
      this.send(encodeAwareness(encodeAwarenessUpdate(this.doc.awareness, states)));
    for (const data of queued) this.receive(data);
  }

  /** Handles one message; any refusal closes this connection only. */
  receive(data: RawData): void {
    if (this.closed) return;
    if (!this.init.rate.allow()) return this.close(CloseCodes.tooManyMessages, 'too many messages');
    try {
      handleMessage(this, messageBytes(data));
    } catch (error) {
      const code = error instanceof RefusedMessage ? error.code : CloseCodes.malformed;
      this.close(code, error instanceof Error ? error.message.slice(0, 100) : 'refused');
    }
  }

  /** The document stored more changes: acknowledge what became durable. */
  committed(): void {
    if (!this.closed) this.acks?.flush();
  }

  /** Sends bytes; a client that lets too much pile up is cut off rather than buffered. */
  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate();
      return this.finish();
    }
    this.ws.send(message);
  }

  /** Closes with a code (the reason is for logs and the client's console). */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason);
    this.finish();
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.ws.terminate(), 5000).unref();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.doc.peers.delete(this);
    if (this.awarenessIds.size > 0)
      removeAwarenessStates(this.doc.awareness, [...this.awarenessIds], null);
    this.init.onClose(this);
  }
}
