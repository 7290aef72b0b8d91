import { sessionRoom, userRoom, workspaceRoom, type SessionEnded } from '@mesa/shared';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../authz/actor.js';
import { authenticateCookieHeader } from '../modules/auth/index.js';
import { SESSION_RECHECK_MS } from './invalidations.js';
import type { MesaIo, MesaSocket } from './types.js';

// The full actor stays on this node: socket.data crosses Redis (fetchSockets), so it holds
// only what presence shows.
const actors = new WeakMap<MesaSocket, Actor>();

/** The person behind a connection, or undefined before authentication. */
export function actorOf(socket: MesaSocket): Actor | undefined {
  return actors.get(socket);
}

/** Records (or refreshes) the person behind a connection. */
export function setActor(socket: MesaSocket, actor: Actor): void {
  actors.set(socket, actor);
  socket.data = {
    userId: actor.userId,
    name: actor.name,
    organizationId: actor.organizationId,
    organizationName: actor.organizationName,
  };
}

/**
 * Namespace middleware: the connection's identity comes from its session cookie only. The
 * engine gate already refused foreign origins and missing sessions with 403/401; this runs
 * again because a client may reconnect the namespace over an engine connection it kept.
 */
export function authenticateSocket(app: FastifyInstance) {
  return (socket: MesaSocket, next: (err?: Error) => void): void => {
    authenticateCookieHeader(app, socket.request.headers.cookie, { touch: false }).then(
      async (actor) => {
        if (!actor) return next(new Error('unauthenticated'));
        setActor(socket, actor);
        await socket.join([workspaceRoom(), userRoom(actor.userId), sessionRoom(actor.sessionId)]);
        next();
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'socket authentication failed');
        next(new Error('internal_error'));
      },
    );
  };
}

/**
 * Tells this node's connections of a room why, then disconnects them. This node's only: every
 * node hears the invalidation (realtime/invalidations.ts) and ends its own connections.
 */
export function endConnections(io: MesaIo, room: string, payload: SessionEnded): void {
  io.local.to(room).emit('session.ended', payload);
  // A namespace disconnect (not a transport close) so the message above is flushed first;
  // a client that keeps the transport cannot rejoin: `authenticateSocket` runs again.
  io.local.in(room).disconnectSockets(false);
}

/** Re-checks the session of each of this node's connections; ends those that are no longer valid. */
export async function recheckLocalSessions(app: FastifyInstance, io: MesaIo): Promise<void> {
  for (const socket of io.of('/').sockets.values()) {
    const actor = await authenticateCookieHeader(app, socket.request.headers.cookie, {
      touch: false,
    });
    if (actor) {
      setActor(socket, actor);
      continue;
    }
    // An expired session emits the `session.ended` domain event, which already disconnected it.
    if (!socket.connected) continue;
    socket.emit('session.ended', { reason: 'session_ended' });
    socket.disconnect();
  }
}

/**
 * Ends connections with their session: `session.ended` and `user.deactivated` of any node
 * (`app.invalidations`), and a periodic re-check that catches idle and absolute expiry.
 * Returns a function that stops the timer.
 */
export function enforceSessions(app: FastifyInstance, io: MesaIo): () => void {
  app.invalidations.on('session.ended', ({ sessionId }) =>
    endConnections(io, sessionRoom(sessionId), { reason: 'session_ended' }),
  );
  app.invalidations.on('user.deactivated', ({ userId }) =>
    endConnections(io, userRoom(userId), { reason: 'user_deactivated' }),
  );
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    recheckLocalSessions(app, io)
      .catch((err: unknown) => app.log.error({ err }, 'session re-check failed'))
      .finally(() => (running = false));
  }, SESSION_RECHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
