import {
  MeetingJoinInputSchema,
  RoomCommandSchema,
  meetingRoom,
  parseMeetingRoom,
} from '@mesa/shared';
import type { FastifyInstance } from 'fastify';
import { authorizeMeeting } from '../../authz/index.js';
import type { Realtime } from '../../realtime/io.js';
import { joinRoom, leaveRoom, roomState, runRoomCommand, type RoomPerson } from './room.service.js';

function withPerson(
  people: RoomPerson[],
  actor: { userId: string; name: string; organizationId: string },
): RoomPerson[] {
  if (people.some((p) => p.userId === actor.userId)) return people;
  const person = { userId: actor.userId, name: actor.name, organizationId: actor.organizationId };
  return [...people, person].sort((a, b) => a.name.localeCompare(b.name));
}

/** How long presence changes of one meeting are gathered before its state is sent again. */
const PRESENCE_BROADCAST_MS = 50;

/**
 * The meetings' live layer: `meeting.join` (through `can(read)`; attendance while live; the
 * whole state in the ack), `meeting.leave`, `meeting.command` (the room's commands, see
 * room.service.ts), and ALL fan-out of meeting events to the meeting's room: `meeting.state`
 * after every applied command (`meeting.roomChanged`) and when presence or details change,
 * `meeting.changed` for the REST side's changes. Who is present is read from the room's
 * connections on every node (`fetchSockets` goes through the Redis adapter), so it is right
 * across nodes and after a node dies.
 */
export function registerMeetingsRealtime(app: FastifyInstance, realtime: Realtime): void {
  const { io } = realtime;
  const ctx = app.ctx;

  // One look at a room's connections at a time per meeting: callers that arrive while one is
  // under way share it (a storm of joins costs one round trip over the adapter, not one each).
  const looking = new Map<string, Promise<RoomPerson[]>>();
  function present(meetingId: string): Promise<RoomPerson[]> {
    let look = looking.get(meetingId);
    if (!look) {
      look = lookAtRoom(meetingId).finally(() => looking.delete(meetingId));
      looking.set(meetingId, look);
    }
    return look;
  }

  async function lookAtRoom(meetingId: string): Promise<RoomPerson[]> {
    const room = meetingRoom(meetingId);
    // Another node that does not answer in time (overloaded, dying) must not fail a join or a
    // command: the state then shows this node's people, and the next broadcast heals it.
    const sockets = await io
      .in(room)
      .fetchSockets()
      .catch(async (err: unknown) => {
        app.log.warn({ err, meetingId }, 'room presence: other nodes did not answer');
        return io.local.in(room).fetchSockets();
      });
    const people = new Map<string, RoomPerson>();
    for (const s of sockets) {
      if (!s.data.userId || people.has(s.data.userId)) continue;
      people.set(s.data.userId, {
        userId: s.data.userId,
        name: s.data.name,
        organizationId: s.data.organizationId,
      });
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async function stillThere(meetingId: string, userId: string): Promise<boolean> {
    try {
      const sockets = await io.in(meetingRoom(meetingId)).fetchSockets();
      return sockets.some((s) => s.data.userId === userId);
    } catch {
      // Unknown (another node did not answer, or this one is shutting down): keep the row
      // open; the person's next leave, or the meeting's end, closes it.
      return true;
    }
  }

  // Presence and detail changes: one broadcast of the whole state per meeting per window.
  const pending = new Map<string, NodeJS.Timeout>();
  let closing = false;
  function broadcastSoon(meetingId: string): void {
    if (closing || pending.has(meetingId)) return;
    const timer = setTimeout(() => {
      pending.delete(meetingId);
      present(meetingId)
        .then((people) => roomState(ctx, meetingId, people))
        .then((state) => io.to(meetingRoom(meetingId)).emit('meeting.state', state))
        .catch((err: unknown) => app.log.warn({ err, meetingId }, 'room broadcast failed'));
    }, PRESENCE_BROADCAST_MS);
    pending.set(meetingId, timer);
  }

  function left(person: { userId: string }, meetingId: string): Promise<void> {
    return leaveRoom(ctx, person, meetingId, () => stillThere(meetingId, person.userId)).then(() =>
      broadcastSoon(meetingId),
    );
  }

  realtime.onConnection(({ socket, command }) => {
    socket.on(
      'meeting.join',
      command(MeetingJoinInputSchema, async ({ meetingId }, { actor }) => {
        const state = await joinRoom(ctx, actor, meetingId, {
          enter: () => Promise.resolve(socket.join(meetingRoom(meetingId))),
          // A shared look may have started before this connection joined: count it in.
          present: () => present(meetingId).then((people) => withPerson(people, actor)),
        });
        broadcastSoon(meetingId);
        return state;
      }),
    );
    socket.on(
      'meeting.leave',
      command(MeetingJoinInputSchema, async ({ meetingId }, { actor }) => {
        const wasIn = socket.rooms.has(meetingRoom(meetingId));
        await socket.leave(meetingRoom(meetingId));
        if (wasIn) await left(actor, meetingId);
        await authorizeMeeting(ctx, actor, 'read', meetingId);
        return roomState(ctx, meetingId, await present(meetingId));
      }),
    );
    socket.on(
      'meeting.command',
      command(RoomCommandSchema, async (input, { actor }) =>
        runRoomCommand(ctx, actor, input, await present(input.meetingId)),
      ),
    );
    let rooms: string[] = [];
    socket.on('disconnecting', () => {
      rooms = [...socket.rooms].filter((room) => parseMeetingRoom(room) !== null);
    });
    socket.on('disconnect', () => {
      if (closing) return;
      const person = { userId: socket.data.userId };
      for (const room of rooms) {
        const meetingId = parseMeetingRoom(room);
        if (!meetingId) continue;
        left(person, meetingId).catch((err: unknown) =>
          app.log.warn({ err, meetingId }, 'closing attendance failed'),
        );
      }
    });
  });

  app.events.on('meeting.roomChanged', (state) =>
    io.to(meetingRoom(state.meetingId)).emit('meeting.state', state),
  );
  app.events.on('meeting.changed', ({ meetingId, change }) => {
    io.to(meetingRoom(meetingId)).emit('meeting.changed', { meetingId, change });
    // The room shows the agenda's titles, the chair and the stage: send its state again.
    broadcastSoon(meetingId);
  });
  app.addHook('preClose', async () => {
    closing = true;
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
  });
}
