import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { StoredDocument } from '../../modules/documents/index.js';
import { encodeAwareness } from './protocol.js';

/** Origin of changes the server itself makes (restoring a version). */
export const SERVER_ORIGIN = Symbol('mesa-server');

/** Origin of changes and awareness relayed from another node (already stored there). */
export const REMOTE_ORIGIN = Symbol('mesa-remote');

/** What a loaded document needs of a connection. */
export interface Peer {
  /** Sends bytes (dropped if the socket is gone; a too-slow socket is cut off). */
  send(message: Uint8Array): void;
  /** Whether it may write: writers get changes at once, readers only once they are stored. */
  readonly canWrite: boolean;
  /** The person behind it (attributes automatic versions). */
  readonly userId: string;
  /** Awareness client ids this connection owns. */
  readonly awarenessIds: Set<number>;
  /** Called after each commit of the document (acknowledgements). */
  committed(): void;
  /** Closes the connection with a close code. */
  close(code: number, reason: string): void;
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** A change applied in memory and waiting for its commit. */
export interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/**
 * One loaded document: the Y.Doc, its awareness, who is connected, and the bookkeeping of
 * durability. Every local change gets a number (`changeSeq`); `committedSeq` is the highest
 * number stored. What the document held at a moment is durable once `committedSeq` reaches
 * the `changeSeq` of that moment.
 */
export class LiveDocument {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  readonly peers = new Set<Peer>();
  /**
   * Awareness client ids whose states came from another node: a connection here cannot claim
   * or remove them (their owner is connected there).
   */
  readonly remoteAwarenessIds = new Set<number>();
  /** Holders (connections and server operations); the document unloads at zero. */
  holds = 0;
  /** Local changes not yet handed to a commit, in order. */
  pending: PendingUpdate[] = [];
  /** Number of the latest local change, and of the latest one stored. */
  changeSeq = 0;
  committedSeq = 0;
  /** Approximate stored size: the merged state plus appended changes. */
  bytes: number;
  rowsSinceCompaction: number;
  lastAutoVersionAt: number | null;
  /** Whether anything changed since it was built from the stored state. */
  changedSinceLoad = false;
  unloadTimer: NodeJS.Timeout | null = null;
  /** Set while unloading; an acquire waits for it, then loads afresh. */
  unloading: Promise<void> | null = null;
  private readonly waiters: { seq: number; done: () => void }[] = [];
  /**
   * The stored state it was loaded from, while nothing changed since and it is one row: the
   * whole document, already encoded, for a client that has nothing.
   */
  private loadedState: Uint8Array | null;

  constructor(
    readonly name: string,
    stored: StoredDocument,
    onUpdate: (doc: LiveDocument, update: Uint8Array, origin: unknown) => void,
    /** Awareness changes not relayed from another node (to publish them). */
    onAwareness?: (doc: LiveDocument, update: Uint8Array) => void,
  ) {
    if (stored.state) Y.applyUpdate(this.ydoc, stored.state);
    this.bytes = stored.state?.length ?? 0;
    this.rowsSinceCompaction = stored.rows;
    this.lastAutoVersionAt = stored.lastAutoVersionAt;
    // Several rows merge without garbage collection (larger than the state): not kept.
    this.loadedState = stored.rows === 1 ? stored.state : null;
    // Attached after loading, so the stored state is not written back.
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      this.loadedState = null;
      this.changedSinceLoad = true;
      onUpdate(this, update, origin);
    });
    this.awareness = new Awareness(this.ydoc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', (changes: AwarenessChanges, origin: unknown) => {
      if (origin === REMOTE_ORIGIN)
        for (const id of [...changes.added, ...changes.updated]) this.remoteAwarenessIds.add(id);
      for (const id of changes.removed) this.remoteAwarenessIds.delete(id);
      const changed = [...changes.added, ...changes.updated, ...changes.removed];
      // Every node times out stale states by itself: timeouts are not published.
      const publish = onAwareness && origin !== REMOTE_ORIGIN && origin !== 'timeout';
      if (changed.length === 0 || (this.peers.size === 0 && !publish)) return;
      const update = encodeAwarenessUpdate(this.awareness, changed);
      if (this.peers.size > 0) this.broadcast(encodeAwareness(update));
      if (publish) onAwareness(this, update);
    });
  }

  /**
   * What a client with this state vector is missing (sync step 2). A client that has nothing
   * (a late joiner without an offline copy) gets the stored state as loaded, when it is still
   * current: encoding a large document in a freshly started process costs tens of ms.
   */
  missing(stateVector: Uint8Array): Uint8Array {
    if (this.loadedState && Y.decodeStateVector(stateVector).size === 0) return this.loadedState;
    return Y.encodeStateAsUpdate(this.ydoc, stateVector);
  }

  /** True when a connection other than `asking`, here or on another node, owns the id. */
  awarenessOwnedByOther(clientId: number, asking: Peer): boolean {
    if (this.remoteAwarenessIds.has(clientId)) return true;
    for (const peer of this.peers)
      if (peer !== asking && peer.awarenessIds.has(clientId)) return true;
    return false;
  }

  /** Sends to every connection but `except`; with `writersOnly`, to writers alone. */
  broadcast(message: Uint8Array, except: unknown = null, writersOnly = false): void {
    for (const peer of this.peers)
      if (peer !== except && (!writersOnly || peer.canWrite)) peer.send(message);
  }

  /** Runs `done` once every change up to `seq` is stored (at once if it is). */
  whenCommitted(seq: number, done: () => void): void {
    if (this.committedSeq >= seq) return done();
    this.waiters.push({ seq, done });
  }

  /** Records that changes up to `seq` are stored, and tells whoever waited for them. */
  markCommitted(seq: number): void {
    this.committedSeq = Math.max(this.committedSeq, seq);
    while (this.waiters.length > 0 && this.waiters[0]!.seq <= this.committedSeq)
      this.waiters.shift()!.done();
    for (const peer of this.peers) peer.committed();
  }

  /** Frees the Y.Doc and the awareness timer. */
  destroy(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}
