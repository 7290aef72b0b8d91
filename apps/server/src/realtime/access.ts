import { meetingRoom, parseMeetingRoom, parseProgramRoom, programRoom } from '@mesa/shared';
import type { FastifyInstance } from 'fastify';
import { can, loadProgramFacts, mayReadMeeting } from '../authz/index.js';
import { authenticateCookieHeader } from '../modules/auth/index.js';
import { accessChangeConcerns, type AccessChange } from './invalidations.js';
import type { MesaIo, MesaSocket } from './types.js';
import { setActor } from './sessions.js';

/**
 * Re-reads the person (role may have changed), then drops program rooms and meeting rooms
 * they lost `read` on (a meeting's participation may follow a program's relations, so every
 * meeting room is re-checked whatever program the change names).
 */
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
  for (const room of socket.rooms) {
    const meetingId = parseMeetingRoom(room);
    if (!meetingId || (await mayReadMeeting(app.ctx, actor, meetingId))) continue;
    await socket.leave(meetingRoom(meetingId));
    socket.emit('meeting.accessRevoked', { meetingId });
  }
  socket.emit('access.changed', { programId: change.programId });
}

/** Re-checks this node's connections that an access change concerns, one after another. */
export async function recheckAccess(
  app: FastifyInstance,
  io: MesaIo,
  change: AccessChange,
): Promise<void> {
  // A connection spans programs: which of its rooms the change touches is checked per room.
  const sockets = [...io.of('/').sockets.values()].filter((s) =>
    accessChangeConcerns(change, s.data),
  );
  for (const socket of sockets) await recheckSocket(app, socket, change);
}

/** Re-checks this node's connections on every `access.changed` of any node. */
export function enforceAccess(app: FastifyInstance, io: MesaIo): void {
  app.invalidations.on('access.changed', (change) => {
    recheckAccess(app, io, change).catch((err: unknown) =>
      app.log.error({ err }, 'access re-check failed'),
    );
  });
}
