import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import type { ZodType } from 'zod';
import {
  PresenceListInputSchema,
  SOCKET_COMMAND_BURST,
  SOCKET_COMMANDS_PER_SECOND,
  SOCKET_IO_PATH,
  SOCKET_MAX_MESSAGE_BYTES,
} from '@mesa/shared';
import { enforceAccess } from './access.js';
import { commandsFor, limitCommands, type CommandHandler } from './commands.js';
import { handshakeGate } from './handshake.js';
import { trackPresence, type PresenceTracker } from './presence.js';
import { connectRedisAdapter } from './redis.js';
import { SESSION_RECHECK_MS } from './invalidations.js';
import { authenticateSocket, enforceSessions, recheckLocalSessions } from './sessions.js';
import type { MesaIo, MesaSocket } from './types.js';

/** What a module's `*.realtime.ts` gets to add its commands to each connection. */
export interface ConnectionKit {
  socket: MesaSocket;
  /** Wraps a handler: shared-schema validation, ack replies, errors as ack errors. */
  command: <I, O>(
    schema: ZodType<I>,
    handler: CommandHandler<I, O>,
  ) => (raw: unknown, ack: unknown) => void;
}

/** The live layer of one app: the server, presence, and how modules add commands. */
export interface Realtime {
  io: MesaIo;
  presence: PresenceTracker;
  /** Runs `setup` for every new connection, after authentication and rate limiting. */
  onConnection(setup: (kit: ConnectionKit) => void): void;
  /** Re-checks every local connection's session now (the minute timer calls it too). */
  recheckSessions(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The Socket.IO live layer (attached to `app.server`, path /socket.io/). */
    realtime: Realtime;
  }
}

function createServer(): MesaIo {
  return new Server({
    path: SOCKET_IO_PATH,
    serveClient: false,
    // Same origin only: no CORS headers; the engine gate refuses foreign Origins with 403.
    maxHttpBufferSize: SOCKET_MAX_MESSAGE_BYTES,
    // No connection state recovery: a reconnect re-authenticates and re-subscribes through can().
  });
}

function setUpConnections(app: FastifyInstance, io: MesaIo, presence: PresenceTracker) {
  const setups: ((kit: ConnectionKit) => void)[] = [];
  io.use(authenticateSocket(app));
  io.on('connection', (socket) => {
    limitCommands(socket, SOCKET_COMMANDS_PER_SECOND, SOCKET_COMMAND_BURST);
    const kit: ConnectionKit = { socket, command: commandsFor(socket, app.log) };
    socket.on(
      'presence.list',
      kit.command(PresenceListInputSchema, () => presence.snapshot()),
    );
    for (const setup of setups) setup(kit);
    presence.schedule();
    socket.on('disconnect', () => presence.schedule());
  });
  return (setup: (kit: ConnectionKit) => void) => void setups.push(setup);
}

/**
 * Creates the typed Socket.IO server and attaches it to `app.server` (same port as HTTP, path
 * /socket.io/). With `REDIS_URL` it uses the Redis adapter, so rooms and presence span nodes.
 * Connections are authenticated by the session cookie and the Origin; sessions, deactivation
 * and access changes end or narrow them. Closed before the HTTP server closes.
 */
export async function attachRealtime(app: FastifyInstance): Promise<Realtime> {
  const io = createServer();
  const redis = app.config.redisUrl
    ? await connectRedisAdapter({ ...app.config, redisUrl: app.config.redisUrl }, app.log)
    : null;
  if (redis) io.adapter(redis.adapter);
  // engine.io must not destroy other paths' upgrades (the collab endpoint's handshake can take
  // longer than its one-second timer); realtime/upgrade.ts refuses unknown paths instead.
  io.attach(app.server, { destroyUpgrade: false });
  io.engine.use(handshakeGate(app));

  const presence = trackPresence(io, app.log);
  const onConnection = setUpConnections(app, io, presence);
  const stopSessions = enforceSessions(app, io);
  enforceAccess(app, io);
  // Heals presence after another node died without saying who left.
  const refresh = setInterval(() => presence.schedule(), SESSION_RECHECK_MS);
  refresh.unref();

  app.addHook('preClose', async () => {
    clearInterval(refresh);
    stopSessions();
    // Stopped first, so the disconnects below schedule nothing; awaited last.
    const presenceStopped = presence.stop();
    io.local.disconnectSockets(true);
    io.engine.close();
    await presenceStopped;
  });
  app.addHook('onClose', async () => {
    await io.of('/').adapter.close();
    await redis?.close();
  });
  const realtime: Realtime = {
    io,
    presence,
    onConnection,
    recheckSessions: () => recheckLocalSessions(app, io),
  };
  app.decorate('realtime', realtime);
  return realtime;
}
