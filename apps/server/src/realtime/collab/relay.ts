import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import { createClient } from 'redis';
import type { DocumentStore } from '../../modules/documents/index.js';
import { closeRedisClients, connectOrGiveUp } from '../redis.js';
import { REMOTE_ORIGIN, type LiveDocument } from './document.js';
import type { DocumentRegistry } from './registry.js';

const enum Kind {
  update = 0,
  awareness = 1,
  /** "Re-read this document from the database": sent after a lost connection to Redis. */
  resync = 2,
}

/** What the relay needs of the endpoint. */
export interface RelayDeps {
  url: string;
  /** `<redisChannelPrefix>:collab`: one channel per workspace. */
  channel: string;
  store: DocumentStore;
  registry: () => DocumentRegistry;
  onError: (error: unknown, what: string) => void;
}

/**
 * Relays stored document updates and awareness updates between nodes over one Redis channel.
 * A message is `node id, kind, document name, payload` (lib0 encoding, binary-safe). Updates
 * are published only after they are stored; a received update is applied to the loaded
 * document with REMOTE_ORIGIN (sent to local peers, not stored again: its node stored it).
 * Documents not loaded here are ignored: their next load reads the update from the database.
 */
export class CollabRelay {
  readonly nodeId = randomUUID();
  private readonly pub;
  private readonly sub;
  private started = false;

  constructor(private readonly deps: RelayDeps) {
    this.pub = createClient({ url: deps.url, RESP: 2 });
    this.sub = this.pub.duplicate();
    // An 'error' without a listener would crash the process; the clients reconnect by themselves.
    this.pub.on('error', (err: unknown) => deps.onError(err, 'redis (collab publish)'));
    this.sub.on('error', (err: unknown) => deps.onError(err, 'redis (collab subscribe)'));
    // After a reconnection, what was published meanwhile was lost both ways: this node re-reads
    // its loaded documents from the database and asks the other nodes to do the same.
    this.sub.on('ready', () => {
      if (this.started) for (const doc of deps.registry().loaded()) void this.resync(doc);
    });
    this.pub.on('ready', () => {
      if (this.started) for (const doc of deps.registry().loaded()) this.publish(Kind.resync, doc);
    });
  }

  /** Connects both clients and subscribes (gives up after 10 s, like Socket.IO's). */
  async start(): Promise<void> {
    await connectOrGiveUp([this.pub, this.sub], this.deps.url);
    await this.sub.subscribe(this.deps.channel, (message: Buffer) => this.receive(message), true);
    this.started = true;
  }

  /** Publishes a stored change of a document. */
  publishUpdate(doc: LiveDocument, update: Uint8Array): void {
    this.publish(Kind.update, doc, update);
  }

  /** Publishes a sanitized awareness update. */
  publishAwareness(doc: LiveDocument, update: Uint8Array): void {
    this.publish(Kind.awareness, doc, update);
  }

  close(): Promise<void> {
    return closeRedisClients([this.pub, this.sub]);
  }

  private publish(kind: Kind, doc: LiveDocument, payload: Uint8Array = new Uint8Array()): void {
    // While disconnected nothing queues up (memory): other nodes resync when the link is back.
    if (!this.pub.isReady) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.nodeId);
    encoding.writeUint8(encoder, kind);
    encoding.writeVarString(encoder, doc.name);
    encoding.writeVarUint8Array(encoder, payload);
    const message = Buffer.from(encoding.toUint8Array(encoder));
    this.pub.publish(this.deps.channel, message).catch((err: unknown) => {
      this.deps.onError(err, 'redis (collab publish)');
    });
  }

  private receive(message: Buffer): void {
    try {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarString(decoder) === this.nodeId) return;
      const kind = decoding.readUint8(decoder) as Kind;
      const name = decoding.readVarString(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      const registry = this.deps.registry();
      const doc = registry.peek(name);
      if (doc) return this.apply(doc, kind, payload);
      // Loading: applied once loaded (harmless if the load already read it: updates are idempotent).
      registry
        .loadingOf(name)
        ?.then((loaded) => loaded && this.apply(loaded, kind, payload))
        .catch(() => undefined);
    } catch (error) {
      this.deps.onError(error, 'collab relay message');
    }
  }

  private apply(doc: LiveDocument, kind: Kind, payload: Uint8Array): void {
    try {
      if (kind === Kind.update) Y.applyUpdate(doc.ydoc, payload, REMOTE_ORIGIN);
      else if (kind === Kind.awareness) applyAwarenessUpdate(doc.awareness, payload, REMOTE_ORIGIN);
      else if (kind === Kind.resync) void this.resync(doc);
    } catch (error) {
      this.deps.onError(error, `collab relay apply (${doc.name})`);
    }
  }

  /** Applies the stored state (idempotent: only what this node missed changes anything). */
  private async resync(doc: LiveDocument): Promise<void> {
    try {
      const stored = await this.deps.store.load(doc.name);
      if (stored?.state) this.apply(doc, Kind.update, stored.state);
    } catch (error) {
      this.deps.onError(error, `collab relay resync (${doc.name})`);
    }
  }
}
