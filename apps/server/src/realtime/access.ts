import { parseProgramRoom, programRoom } from '@mesa/shared';
import type { FastifyInstance } from 'fastify';
import { can, loadProgramFacts } from '../authz/index.js';
import type { DomainEventMap } from '../lib/events.js';
import { authenticateCookieHeader } from '../modules/auth/index.js';
import type { MesaIo, MesaSocket } from './io.js';
import { setActor } from './sessions.js';

/** What `access.changed` says; null on an axis means "may affect everyone" on it. */
export type AccessChange = DomainEventMap['access.changed'][0];

function concerns(socket: MesaSocket, change: AccessChange): boolean {
  if (change.userId !== null && socket.data.userId !== change.userId) return false;
  if (change.organizationId !== null && socket.data.organizationId !== change.organizationId)
    return false;
  return true;
}

/** Re-reads the person (role may have changed), then drops program rooms they lost `read` on. */
async function recheckSocket(
  app: FastifyInstance,
  socket: MesaSocket,
  change: AccessChange,
): Promise<void> {
  const actor = await authenticateCookieHeader(app, socket.request.headers.cookie, {
    touch: false,
  });
  if (!socket.connected) return;
  if (!actor) {
    socket.emit('session.ended', { reason: 'session_ended' });
    socket.disconnect();
    return;
  }
  setActor(socket, actor);
  for (const room of socket.rooms) {
    const programId = parseProgramRoom(room);
    if (!programId || (change.programId !== null && programId !== change.programId)) continue;
    const facts = await loadProgramFacts(app.ctx, actor, programId);
    const allowed = facts !== null && can(actor, 'read', { type: 'program', programId, facts });
    if (allowed) continue;
    await socket.leave(programRoom(programId));
    socket.emit('program.accessRevoked', { programId });
  }
  socket.emit('access.changed', { programId: change.programId });
}

/** Re-checks this node's connections that an access change concerns, one after another. */
export async function recheckAccess(
  app: FastifyInstance,
  io: MesaIo,
  change: AccessChange,
): Promise<void> {
  const sockets = [...io.of('/').sockets.values()].filter((s) => concerns(s, change));
  for (const socket of sockets) await recheckSocket(app, socket, change);
}

/**
 * Domain events are per node: the node that saw `access.changed` re-checks its own
 * connections and tells the other nodes (`serverSideEmit`) to re-check theirs.
 */
export function enforceAccess(app: FastifyInstance, io: MesaIo, clustered: boolean): void {
  const run = (change: AccessChange) =>
    recheckAccess(app, io, change).catch((err: unknown) =>
      app.log.error({ err }, 'access re-check failed'),
    );
  app.events.on('access.changed', (change) => {
    void run(change);
    // The in-memory adapter has no other nodes (and warns on serverSideEmit).
    if (clustered) io.serverSideEmit('access.changed', change);
  });
  io.on('access.changed', (change) => void run(change));
}
