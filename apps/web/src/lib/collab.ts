import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { COLLAB_ACK_PARAM, CollabMessageTypes, isUpdateMessage } from '@mesa/shared';
import {
  copyName,
  deleteCopies,
  forgetCopies,
  rememberCopy,
  SIGNED_OUT_EVENT,
} from './collabCopies';
import { decideOnClose, liveStatus, type CloseDecision, type CollabStatus } from './collabPolicy';

/** Who is typing, as carets and the presence list show it before the server's copy arrives. */
export interface LocalUser {
  /** The person's id: their tabs count as one person in the presence list. */
  id: string;
  /** Display name. */
  name: string;
  /** Caret colour (CSS). */
  color: string;
}

/** Options of openCollab. */
export interface CollabOptions {
  /** Document name, e.g. `plan:<programId>`. */
  documentName: string;
  /** The signed-in person's id: names this device's copy. */
  userId: string;
  /** Local awareness identity. */
  user: LocalUser;
  /** The person may only read: the status says "Read-only" instead of "Saved". */
  readOnly: boolean;
  /** Called when the server says access changed (4409), so abilities can be fetched again. */
  onAccessChanged?: () => void;
  /** Base URL of the document endpoint; defaults to this origin's `/collab`. */
  serverUrl?: string;
  /** Tests only: a WebSocket class standing in for the browser's. */
  WebSocketPolyfill?: typeof WebSocket;
  /** Keep a copy in IndexedDB (default true; tests without IndexedDB turn it off). */
  persist?: boolean;
}

/** An open collaborative document: Yjs doc, provider, and its status for the interface. */
export interface CollabSession {
  /** The shared document. */
  readonly doc: Y.Doc;
  /** The y-websocket provider (its awareness carries presence and carets). */
  readonly provider: WebsocketProvider;
  /** The current status (a stable object until it changes). */
  readonly getStatus: () => CollabStatus;
  /** Calls `listener` whenever the status changes; returns the unsubscribe function. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Reconnects after a stop (an error the person chose to retry). */
  retry(): void;
  /** Closes everything and keeps this device's copy. */
  destroy(): void;
}

/** The document endpoint on this page's origin. */
export function defaultCollabUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** After this long without the server confirming what was sent, "Saving…" says what to do. */
export const STALLED_AFTER_MS = 10_000;

/** Update messages sent on the current connection and how many of them the server confirmed. */
interface SendCount {
  sent: number;
  acked: number;
}

/**
 * A WebSocket class (the provider's public `WebSocketPolyfill` option) that counts the update
 * messages each socket sends, the same way the server numbers them; a new socket starts at 0.
 */
function countingSocket(base: typeof WebSocket, onSocket: (count: SendCount) => void) {
  return class CountingSocket extends base {
    private readonly count: SendCount = { sent: 0, acked: 0 };
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      onSocket(this.count);
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array && isUpdateMessage(data)) this.count.sent++;
      super.send(data);
    }
  };
}

/**
 * Opens a collaborative document: a Y.Doc kept in IndexedDB (typing goes on offline) and
 * synced over y-websocket with Mesa's close-code policy and acknowledgements.
 */
export function openCollab(options: CollabOptions): CollabSession {
  return new Session(options);
}

class Session implements CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly persistence: IndexeddbPersistence | null;
  private readonly dbName: string;
  private readonly listeners = new Set<() => void>();
  private status: CollabStatus = { kind: 'connecting' };
  private stopped: CollabStatus | null = null;
  private whileUnsynced: CollabStatus = { kind: 'connecting' };
  private recheckingAccess = false;
  private pending: CloseDecision | null = null;
  // The current socket's count; replaced when the provider opens a new socket.
  private count: SendCount = { sent: 0, acked: 0 };
  private stalledTimer: ReturnType<typeof setTimeout> | null = null;
  private stalled = false;

  constructor(private readonly options: CollabOptions) {
    this.dbName = copyName(options.userId, options.documentName);
    const persist = options.persist ?? true;
    if (persist) rememberCopy({ userId: options.userId, db: this.dbName });
    this.persistence = persist ? new IndexeddbPersistence(this.dbName, this.doc) : null;
    this.provider = new WebsocketProvider(
      options.serverUrl ?? defaultCollabUrl(),
      options.documentName,
      this.doc,
      {
        params: { [COLLAB_ACK_PARAM]: '1' },
        maxBackoffTime: 5000,
        WebSocketPolyfill: countingSocket(options.WebSocketPolyfill ?? WebSocket, (count) => {
          this.count = count;
        }),
        // Decided in `connection-close`, which y-websocket emits just before asking this.
        shouldReconnect: () => this.pending?.action !== 'stop',
      },
    );
    this.provider.messageHandlers[CollabMessageTypes.ack] = (_encoder, decoder) => {
      this.count.acked = Math.max(this.count.acked, decoding.readVarUint(decoder));
      this.update();
    };
    this.provider.awareness.setLocalStateField('user', options.user);
    this.provider.on('connection-close', (event) => this.onClose(event?.code ?? null));
    this.provider.on('status', () => this.update());
    this.provider.on('sync', (synced: boolean) => this.onSync(synced));
    this.doc.on('update', this.onDocUpdate);
    window.addEventListener(SIGNED_OUT_EVENT, this.onSignedOut);
    window.addEventListener('online', this.onOnline);
  }

  getStatus = (): CollabStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  retry(): void {
    if (this.status.kind === 'access-lost' || this.status.kind === 'signed-out') return;
    this.stopped = null;
    this.pending = null;
    this.whileUnsynced = { kind: 'connecting' };
    this.provider.connect();
    this.update();
  }

  destroy(): void {
    window.removeEventListener(SIGNED_OUT_EVENT, this.onSignedOut);
    window.removeEventListener('online', this.onOnline);
    this.doc.off('update', this.onDocUpdate);
    if (this.stalledTimer) clearTimeout(this.stalledTimer);
    this.provider.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private onClose(code: number | null): void {
    // null: we closed it ourselves (disconnect, watchdog); y-websocket reconnects if it should.
    if (code === null) return;
    const decision = decideOnClose(code, this.recheckingAccess);
    this.pending = decision;
    if (decision.action === 'reconnect') {
      if (decision.recheckingAccess && !this.recheckingAccess) this.options.onAccessChanged?.();
      this.recheckingAccess = decision.recheckingAccess;
      this.whileUnsynced = decision.status;
    } else {
      this.stop(decision.status, decision.clearCopy);
    }
    this.update();
  }

  private onSync(synced: boolean): void {
    if (synced) {
      // A connection that synced passed the server's access check again.
      this.recheckingAccess = false;
      this.pending = null;
    }
    this.update();
  }

  private stop(status: CollabStatus, clearCopy: boolean): void {
    this.stopped = status;
    // Inside y-websocket's close handler: clearing the flag is enough to stop the reconnect
    // it is about to schedule; calling disconnect() here would re-enter that handler.
    this.provider.shouldConnect = false;
    this.provider.disconnectBc();
    if (!clearCopy) return;
    const db = this.dbName;
    // The database must be closed before it can be deleted.
    forgetCopies((c) => c.db === db);
    if (this.persistence) void this.persistence.destroy().then(() => deleteCopies([db]));
  }

  private readonly onSignedOut = () => {
    this.provider.disconnect();
    this.stop({ kind: 'signed-out' }, true);
    this.update();
  };

  private readonly onOnline = () => {
    // The browser knows the network is back before the backoff timer does.
    if (this.stopped === null && !this.provider.wsconnected) this.provider.connect();
  };

  private readonly onDocUpdate = () => this.update();

  private readonly update = () => {
    const next = this.stopped ?? this.computeLive();
    this.watchStall(next);
    if (next.kind === this.status.kind && codeOf(next) === codeOf(this.status)) return;
    this.status = next;
    for (const listener of [...this.listeners]) listener();
  };

  /** "Saving…" that lasts STALLED_AFTER_MS turns into an explanation; anything else resets it. */
  private watchStall(next: CollabStatus): void {
    if (next.kind !== 'saving' && next.kind !== 'stalled') {
      if (this.stalledTimer) clearTimeout(this.stalledTimer);
      this.stalledTimer = null;
      this.stalled = false;
      return;
    }
    this.stalledTimer ??= setTimeout(() => {
      this.stalled = true;
      this.update();
    }, STALLED_AFTER_MS);
  }

  private computeLive(): CollabStatus {
    return liveStatus(
      {
        synced: this.provider.wsconnected && this.provider.synced,
        readOnly: this.options.readOnly,
        allConfirmed: this.count.acked >= this.count.sent,
        stalled: this.stalled,
      },
      this.whileUnsynced,
    );
  }
}

function codeOf(status: CollabStatus): number | null {
  return status.kind === 'error' ? status.code : null;
}
