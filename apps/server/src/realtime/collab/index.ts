import type { FastifyInstance } from 'fastify';
import { WebSocketServer } from 'ws';
import { CloseCodes } from '@mesa/shared';
import { documentAccess } from '../../authz/index.js';
import { authenticateCookieHeader } from '../../modules/auth/index.js';
import {
  createKyselyDocumentStore,
  createSqliteDocumentStore,
  ensureDocument,
  type DocumentStore,
  type LiveDocuments,
} from '../../modules/documents/index.js';
import { isAllowedOrigin } from '../../plugins/security.js';
import { redisChannelPrefix } from '../redis.js';
import { refuseUpgrade, type UpgradeHandler } from '../upgrade.js';
import type { CollabClient } from './client.js';
import { acceptConnection, type ConnectionDeps } from './connection.js';
import { watchAccess } from './invalidation.js';
import { liveDocuments } from './live-documents.js';
import { Persistence } from './persistence.js';
import { DocumentRegistry } from './registry.js';
import { CollabRelay } from './relay.js';

/** The running document endpoint. */
export interface CollabEndpoint {
  /** Handles upgrades under `/collab/`. */
  handleUpgrade: UpgradeHandler;
  /** The live layer for services (versions restore). */
  documents: LiveDocuments;
  /** Loaded documents, open connections, whether storing changes fails now (health, metrics). */
  stats(): { documents: number; connections: number; storageFailing: boolean };
}

/**
 * Builds the Yjs endpoint on a `ws` server in noServer mode: upgrade.ts routes `/collab/`
 * here; the Origin is checked before the handshake (403), everything else after it (close
 * codes). On close, connections get 1001 and every document is committed and unloaded.
 * Documents are stored through one DocumentStore: on SQLite a worker thread with its own
 * connection, on PostgreSQL the pool.
 */
export function createCollabEndpoint(app: FastifyInstance): CollabEndpoint {
  const { ctx, config } = app;
  const log = app.log.child({ module: 'collab' });
  const clients = new Set<CollabClient>();
  // A writer's sync step 2 may be as large as the document; every other message is checked
  // against the message limit once decoded (messages.ts), and before authorization (connection.ts).
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Math.max(config.collab.maxDocBytes, config.collab.maxMessageBytes),
    perMessageDeflate: false,
  });
  const store: DocumentStore = app.db.sqlite
    ? createSqliteDocumentStore(app.db.sqlite.name)
    : createKyselyDocumentStore(ctx.db);
  let registry: DocumentRegistry | null = null;
  // With Redis, stored changes and awareness are relayed to the other nodes serving the document.
  const relay: CollabRelay | null = config.redisUrl
    ? new CollabRelay({
        url: config.redisUrl,
        channel: `${redisChannelPrefix(config)}:collab`,
        store,
        registry: (): DocumentRegistry => reg,
        onError: (error, what) => log.error({ err: error }, `${what} failed`),
      })
    : null;
  const persistence = new Persistence({
    store,
    now: () => ctx.now(),
    // Logged on the first failure and then every tenth: a full disk must not flood the log.
    onError: (error, failures) => {
      if (failures === 1 || failures % 10 === 0)
        log.error({ err: error, failures }, 'could not store document changes; retrying');
    },
    onStored: relay ? (doc, update) => relay.publishUpdate(doc, update) : undefined,
  });
  registry = new DocumentRegistry({
    store,
    persistence,
    idleUnloadMs: config.collab.idleUnloadSeconds * 1000,
    onError: (error, name) => log.error({ err: error, document: name }, 'unload failed'),
    onAwareness: relay ? (doc, update) => relay.publishAwareness(doc, update) : undefined,
  });
  const reg: DocumentRegistry = registry;
  const authenticate = (cookie: string | undefined) => authenticateCookieHeader(app, cookie);
  const access = (actor: Parameters<ConnectionDeps['access']>[0], name: string) =>
    documentAccess(ctx, actor, name);
  const deps: ConnectionDeps = {
    registry,
    authenticate,
    access,
    prepare: (name) => ensureDocument(ctx, name),
    maxMessagesPerSecond: config.collab.maxMessagesPerSecond,
    limits: {
      maxMessageBytes: config.collab.maxMessageBytes,
      maxDocBytes: config.collab.maxDocBytes,
    },
    onOpen: (c) => clients.add(c),
    onClose: (c) => clients.delete(c),
    onError: (error, name) => log.error({ err: error, document: name }, 'connection failed'),
  };
  const unwatch = watchAccess({
    events: app.invalidations,
    clients: () => clients,
    // A re-check is not activity: an open tab must not keep an idle session alive.
    authenticate: (cookie) => authenticateCookieHeader(app, cookie, { touch: false }),
    access,
    onError: (error) => log.error({ err: error }, 'access re-check failed'),
  });

  // Connected before the node serves (a node that cannot reach Redis does not start).
  if (relay) app.addHook('onReady', () => relay.start());
  app.addHook('preClose', async () => {
    unwatch();
    for (const c of [...clients]) c.close(CloseCodes.goingAway, 'server shutting down');
    await registry.unloadAll();
    await persistence.close();
    await store.close();
    wss.close();
    await relay?.close();
  });

  return {
    handleUpgrade(request, socket, head) {
      if (!isAllowedOrigin(request.headers.origin, config.allowedOrigins))
        return refuseUpgrade(socket, 403, 'Forbidden');
      wss.handleUpgrade(request, socket, head, (ws) => acceptConnection(ws, request, deps));
    },
    documents: liveDocuments(reg),
    stats: () => ({
      documents: reg.loadedCount,
      connections: clients.size,
      storageFailing: persistence.failing,
    }),
  };
}
