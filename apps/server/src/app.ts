import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './env.js';
import { openDb, type Db } from './db/client.js';
import { prepareDatabase } from './db/prepare.js';
import { systemClock, type Clock } from './lib/clock.js';
import { errorsPlugin } from './plugins/errors.js';
import { answerClientError, answerFrameworkError } from './plugins/framework-errors.js';
import { securityPlugin } from './plugins/security.js';
import { webPlugin } from './plugins/web.js';
import { requestLogPlugin } from './plugins/request-log.js';
import { loggerOptions, processLogFormat } from './logging/log-format.js';
import { setupLinkAnnouncer } from './logging/setup-banner.js';
import { healthRoutes } from './modules/health/index.js';
import { portfolioRoutes, registerPortfolioRealtime } from './modules/portfolio/index.js';
import {
  prioritiesRoutes,
  registerPrioritiesRealtime,
  registerRoundThreads,
} from './modules/priorities/index.js';
import { organizationsRoutes } from './modules/organizations/index.js';
import { authRoutes } from './modules/auth/index.js';
import { authPlugin } from './plugins/auth.js';
import { DomainEvents } from './lib/events.js';
import { attachRealtime } from './realtime/io.js';
import { createPlanDocument, documentsRoutes } from './modules/documents/index.js';
import { createCollabEndpoint, type CollabEndpoint } from './realtime/collab/index.js';
import { metricsRoutes } from './modules/metrics/index.js';
import {
  meetingsRoutes,
  registerMeetingsRealtime,
  recordRoutes,
  registerMinutes,
  registerMinutesThreads,
} from './modules/meetings/index.js';
import { fundingRoutes, registerFundingRealtime } from './modules/funding/index.js';
import { routeUpgrades } from './realtime/upgrade.js';
import { openInvalidationChannel, type Invalidations } from './realtime/invalidations.js';
import type { ServiceContext } from './lib/context.js';
import { sessionsRoutes } from './modules/auth/index.js';
import { setupRoutes, bootstrapWorkspace } from './modules/setup/index.js';
import { usersRoutes } from './modules/users/index.js';
import { accessRoutes } from './modules/access/index.js';
import { invitationsRoutes } from './modules/invitations/index.js';
import { docsRoutes } from './modules/docs/index.js';
import {
  reanchorDocumentThreads,
  registerThreadsRealtime,
  threadsRoutes,
  type ThreadsDeps,
} from './modules/threads/index.js';
import { openapiPlugin } from './plugins/openapi.js';
import { routeRegistryPlugin } from './authz/route-registry.js';
import { textInputPlugin } from './plugins/text-input.js';
import {
  notificationsRoutes,
  registerNotificationHandlers,
  registerNotificationsRealtime,
} from './modules/notifications/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The open database. */
    db: Db;
    /** The validated configuration. */
    config: Config;
    /** The current time (injectable in tests). */
    now: Clock;
    /** Domain events of this app instance. */
    events: DomainEvents;
    /** What services need: db, config, clock, events. */
    ctx: ServiceContext;
    /** The Yjs document endpoint (live documents, stats). */
    collab: CollabEndpoint;
    /** Session ends, deactivations and access changes of every node (realtime/invalidations.ts). */
    invalidations: Invalidations;
    /** Resolves once the notifications under way are created (tests wait on it). */
    notificationsSettled: () => Promise<void>;
  }
}

/** What tests may change besides the configuration. */
export interface AppOptions {
  /** The clock; defaults to the wall clock. */
  now?: Clock;
  /** Folder of the built web app; defaults to apps/web/dist. */
  webRoot?: string;
  /** Pino logger options, or false for none. */
  logger?: boolean | object;
  /** How long a request may take to arrive whole before 408; 30 s unless a test shortens it. */
  requestTimeoutMs?: number;
  /**
   * Announces the setup link once listening; defaults to a box on a terminal or a JSON line
   * with a `setupUrl` field (logging/setup-banner.ts). Tests silence or capture it.
   */
  announce?: (setupUrl: string) => void;
}

const defaultWebRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * Builds the whole server: database (migrated, seeded once), plugins, then the modules,
 * listed explicitly. It does not listen; `main.ts` and tests do.
 */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const db = await openDb(config);
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const logFormat = processLogFormat(config);
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config, logFormat),
    // Limits set on purpose: 1 MiB JSON bodies, a connection that sends nothing is cut at 30 s,
    // a request must complete in 30 s; the server is behind no proxy unless configured.
    bodyLimit: 1024 * 1024,
    connectionTimeout: 30_000,
    requestTimeout,
    // Node checks the request and header timeouts only this often (30 s by default).
    http: { connectionsCheckingInterval: Math.min(5_000, requestTimeout / 2) },
    keepAliveTimeout: 72_000,
    routerOptions: { maxParamLength: 200 },
    trustProxy: false,
    // plugins/request-log.ts writes the one line per request, without secrets.
    logController: new LogController({ disableRequestLogging: true }),
    // Errors Fastify and Node make themselves (bad URL, timeout, malformed HTTP, closing) answer
    // in the one error shape too; plugins/errors.ts writes them.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    return503OnClosing: false,
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.server.headersTimeout = Math.min(15_000, requestTimeout);

  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('now', options.now ?? systemClock);
  app.decorate('events', new DomainEvents());
  const ctx: ServiceContext = {
    db: db.kysely,
    config,
    now: app.now,
    events: app.events,
    log: app.log,
    // A program created through the API gets its plan, with its template, in the same transaction.
    onProgramCreated: async (trx, programId, locale) => {
      await createPlanDocument(trx, programId, locale, app.now());
    },
  };
  app.decorate('ctx', ctx);
  app.addHook('onClose', async () => db.close());

  try {
    await prepareDatabase(db, config, app.now);
    const setupUrl = await bootstrapWorkspace(ctx);
    if (setupUrl) {
      // After Fastify's listening line ("Mesa is running at …", serve.ts), so it comes last.
      const announce = options.announce ?? setupLinkAnnouncer(app.log, logFormat);
      app.addHook('onListen', async () => announce(setupUrl));
    }
  } catch (error) {
    await app.close();
    throw error;
  }

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorsPlugin);
  await app.register(routeRegistryPlugin);
  await app.register(securityPlugin, { allowedOrigins: config.allowedOrigins });
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(authPlugin, { ctx });
  // On a terminal a line per request would bury what matters (the setup link, errors).
  await app.register(requestLogPlugin, {
    routineLevel: logFormat === 'pretty' ? 'debug' : 'info',
  });
  await app.register(openapiPlugin, { publicUrl: config.publicUrl });
  await app.register(textInputPlugin);

  // Before both transports, which listen to it; closed after them (onClose runs after preClose).
  const invalidations = await openInvalidationChannel(config, app.events, app.log).catch(
    async (error: unknown) => {
      await app.close();
      throw error;
    },
  );
  app.decorate('invalidations', invalidations.events);
  app.addHook('onClose', () => invalidations.close());

  const collab = createCollabEndpoint(app);
  app.decorate('collab', collab);
  // Socket.IO attaches its own upgrade listener to app.server; routeUpgrades leaves it /socket.io/.
  routeUpgrades(app.server, { '/collab/': collab.handleUpgrade });

  await app.register(healthRoutes);
  await app.register(authRoutes, { ctx });
  await app.register(sessionsRoutes, { ctx });
  await app.register(setupRoutes, { ctx });
  await app.register(usersRoutes, { ctx });
  await app.register(accessRoutes, { ctx });
  await app.register(invitationsRoutes, { ctx });
  await app.register(docsRoutes);
  await app.register(portfolioRoutes, { ctx });
  await app.register(organizationsRoutes, { ctx });
  await app.register(documentsRoutes, { ctx, live: collab.documents });
  const threads: ThreadsDeps = { ctx, docs: collab.documents };
  await app.register(threadsRoutes, { deps: threads });
  // A restored version re-anchors the document's threads before the restore answers.
  ctx.onDocumentRestored = (documentName) =>
    reanchorDocumentThreads(threads, documentName).catch((err: unknown) =>
      app.log.error({ err, documentName }, 're-anchoring threads failed'),
    );
  await app.register(prioritiesRoutes, { ctx });
  await app.register(meetingsRoutes, { ctx });
  // Threads on a program's line of a round's board.
  registerRoundThreads();
  // Minutes of meetings: created when a meeting goes live, threads on them, the published record.
  const stopMinutes = registerMinutes(ctx);
  app.addHook('onClose', () => stopMinutes());
  registerMinutesThreads();
  await app.register(recordRoutes, { ctx, live: collab.documents });
  await app.register(fundingRoutes, { ctx });
  await app.register(metricsRoutes);
  await app.register(notificationsRoutes, { ctx });
  app.decorate('notificationsSettled', registerNotificationHandlers(ctx));
  // Notifications under way finish before the database closes (onClose runs after preClose).
  app.addHook('preClose', () => app.notificationsSettled());

  await app.register(webPlugin, { root: options.webRoot ?? defaultWebRoot });

  const realtime = await attachRealtime(app).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  registerPortfolioRealtime(app, realtime);
  registerThreadsRealtime(app, realtime, threads);
  registerNotificationsRealtime(app);
  registerPrioritiesRealtime(app, realtime);
  registerMeetingsRealtime(app, realtime);
  registerFundingRealtime(app);
  return app;
}
