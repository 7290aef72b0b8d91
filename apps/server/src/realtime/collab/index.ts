import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { WebSocketServer } from 'ws';
import { CloseCodes } from '@mesa/shared';
import { documentAccess } from '../../authz/index.js';
import { authenticateCookieHeader } from '../../modules/auth/index.js';
import {
  UpdateJournal,
  createSqliteJournalStore,
  type LiveDocuments,
} from '../../modules/documents/index.js';
import type { JournalKind } from '../../env.js';
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

/** The update journal's file in the data directory (SQLite only). */
export const JOURNAL_FILE = 'document-updates.journal';

/** The running document endpoint. */
export interface CollabEndpoint {
  /** Handles upgrades under `/collab/`. */
  handleUpgrade: UpgradeHandler;
  /** The live layer for services (versions restore). */
  documents: LiveDocuments;
  /** Loaded documents, open connections and how changes are journaled (health, benchmarks). */
  stats(): { documents: number; connections: number; journal: JournalKind | null };
}

/**
 * Builds the Yjs endpoint on a `ws` server in noServer mode: upgrade.ts routes `/collab/`
 * here; the Origin is checked before the handshake (403), everything else after it (close
 * codes). On close, connections get 1001 and every document is committed and unloaded.
 */
export function createCollabEndpoint(app: FastifyInstance): CollabEndpoint {
  const { ctx, config } = app;
  const log = app.log.child({ module: 'collab' });
  const clients = new Set<CollabClient>();
  // maxPayload makes ws close an oversized frame with 1009 before it is buffered whole.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.collab.maxMessageBytes,
    perMessageDeflate: false,
  });
  let registry: DocumentRegistry | null = null;
  // With Redis, changes and awareness are relayed to the other nodes serving the document.
  const relay: CollabRelay | null = config.redisUrl
    ? new CollabRelay({
        url: config.redisUrl,
        channel: `${redisChannelPrefix(config)}:collab`,
        db: ctx.db,
        registry: (): DocumentRegistry => reg,
        onError: (error, what) => log.error({ err: error }, `${what} failed`),
      })
    : null;
  // Opening it stores what a crash left in it, before any document loads.
  const journal = app.db.sqlite
    ? UpdateJournal.open(
        join(config.dataDir, JOURNAL_FILE),
        createSqliteJournalStore(app.db.sqlite),
        { kind: config.collab.journal },
      )
    : null;
  if (journal?.mappingError)
    log.warn(
      { reason: journal.mappingError },
      'the update journal is not memory-mapped; each change costs a write system call',
    );
  const persistence = new Persistence({
    db: ctx.db,
    journal,
    now: () => ctx.now(),
    onFailure: (doc, error) => {
      log.error(
        { err: error, document: doc.name },
        'could not store changes; closing the document',
      );
      for (const peer of [...doc.peers]) peer.close(1011, 'storage failed');
      registry?.discard(doc);
    },
    onError: (error) => log.error({ err: error }, 'persistence error'),
    onStored: relay ? (doc, update) => relay.publishUpdate(doc, update) : undefined,
  });
  registry = new DocumentRegistry({
    db: ctx.db,
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
    maxMessagesPerSecond: config.collab.maxMessagesPerSecond,
    maxDocBytes: config.collab.maxDocBytes,
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
    wss.close();
    await relay?.close();
  });

  return {
    handleUpgrade(request, socket, head) {
      if (!isAllowedOrigin(request.headers.origin, config.allowedOrigins))
        return refuseUpgrade(socket, 403, 'Forbidden');
      wss.handleUpgrade(request, socket, head, (ws) => acceptConnection(ws, request, deps));
    },
    documents: liveDocuments(reg, persistence),
    stats: () => ({
      documents: reg.loadedCount,
      connections: clients.size,
      journal: journal?.kind ?? null,
    }),
  };
}
