import {
  RoomStateSchema,
  meetingAbilities,
  type MeetingAction,
  type RoomCommand,
  type RoomState,
} from '@mesa/shared';
import type { Kysely, Updateable } from 'kysely';
import {
  authorizeMeeting,
  can,
  forbidden,
  meetingStageConflict,
  type Actor,
} from '../../authz/index.js';
import type { Database, MeetingsTable } from '../../db/schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { presentRoomState, type RoomPerson } from './room.presenter.js';
import {
  closeAttendance,
  closeFloor,
  delegationHasTurn,
  findRoomCommand,
  findRoomMeeting,
  insertRoomCommand,
  insertSpeakerRequest,
  listActiveRequests,
  listAgendaForRoom,
  listRoomDelegations,
  listAttendance,
  lockMeetingRow,
  openAttendance,
  raiseRoomSequence,
  renumberRequests,
  setDelegationMark,
  setRequestStatus,
  type RoomMeetingRow,
} from './room.repository.js';

export type { RoomPerson };

/**
 * A stale command (its `sequence` is not the room's any more): 409 `conflict` with the whole
 * current state beside the error, so the client shows what is true now.
 */
export class RoomConflictError extends ConflictError {
  constructor(
    message: string,
    readonly state: RoomState,
  ) {
    super(message);
  }

  override get ackDetails(): Record<string, unknown> {
    return { state: this.state };
  }
}

/** Which ability each command needs (chair commands: the chair; the rest by name). */
const ACTION_OF: Record<RoomCommand['type'], MeetingAction> = {
  start: 'chairRoom',
  next: 'chairRoom',
  previous: 'chairRoom',
  jump: 'chairRoom',
  restartTimer: 'chairRoom',
  giveFloor: 'chairRoom',
  endFloor: 'chairRoom',
  moveEntry: 'chairRoom',
  removeEntry: 'chairRoom',
  closeQueue: 'chairRoom',
  markAttendance: 'chairRoom',
  end: 'chairRoom',
  takeChair: 'takeChair',
  requestFloor: 'requestFloor',
  withdraw: 'requestFloor',
};

/** The room's whole state now, read with `db` (a transaction's or the app's). */
export async function loadRoomState(
  db: Kysely<Database>,
  meetingId: string,
  present: readonly RoomPerson[],
  now: string,
): Promise<RoomState> {
  const meeting = await findRoomMeeting(db, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  const [agenda, requests, delegations] = await Promise.all([
    listAgendaForRoom(db, meetingId),
    listActiveRequests(db, meetingId),
    listRoomDelegations(db, meetingId),
  ]);
  return presentRoomState({ meeting, agenda, requests, delegations, present, now });
}

/** The room's state for a broadcast (presence or details changed; the sequence stays). */
export function roomState(
  ctx: ServiceContext,
  meetingId: string,
  present: readonly RoomPerson[],
): Promise<RoomState> {
  return loadRoomState(ctx.db, meetingId, present, ctx.now().toISOString());
}

/**
 * Enters a meeting's room: `can(read)` first (404 / 403), then `enter` (the live layer joins
 * the connection to the room), then, while the meeting is live, an open attendance row for
 * the person (one however many tabs). Any stage may be entered. Returns the whole state.
 */
export async function joinRoom(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
  live: { enter: () => Promise<void>; present: () => Promise<RoomPerson[]> },
): Promise<RoomState> {
  await authorizeMeeting(ctx, actor, 'read', meetingId);
  await live.enter();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockMeetingRow(trx, meetingId))) return;
    const meeting = await findRoomMeeting(trx, meetingId);
    if (meeting?.state !== 'live') return;
    await openAttendance(trx, {
      id: newId(),
      meetingId,
      userId: actor.userId,
      organizationId: actor.organizationId,
      at,
    });
  });
  return loadRoomState(ctx.db, meetingId, await live.present(), at);
}

/**
 * After one of the person's connections left the room (or disconnected): closes their open
 * attendance row unless another of their connections, on any node, is still in it. Runs under
 * the meeting's row lock so a join racing it cannot be lost.
 */
export async function leaveRoom(
  ctx: ServiceContext,
  person: { userId: string },
  meetingId: string,
  stillThere: () => Promise<boolean>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockMeetingRow(trx, meetingId))) return;
    if (await stillThere()) return;
    await closeAttendance(trx, meetingId, person.userId, ctx.now().toISOString());
  });
}

type Applied = {
  /** Changes to the meeting's row besides the sequence. */
  meeting: Updateable<MeetingsTable>;
  /** Domain events to emit after commit (besides meeting.roomChanged). */
  after: ((state: RoomState) => void)[];
};

function refuse(message: string): never {
  throw new ConflictError(message);
}

function requireLive(meeting: RoomMeetingRow): void {
  if (meeting.state === 'scheduled') refuse('This meeting has not started yet; start it first.');
  if (meeting.state !== 'live') refuse('This meeting is not live.');
}

async function moveToItem(
  trx: Kysely<Database>,
  meeting: RoomMeetingRow,
  itemId: string,
  at: string,
): Promise<Applied> {
  // A new item: the speaker's turn ends, waiting requests lapse and the list reopens.
  await closeFloor(trx, meeting.id, at, itemId !== meeting.current_item_id);
  return {
    meeting: { current_item_id: itemId, item_started_at: at, queue_closed: 0 },
    after: [],
  };
}

async function requestFloor(
  trx: Kysely<Database>,
  actor: Actor,
  meeting: RoomMeetingRow,
  kind: 'ordinary' | 'point_of_order',
  at: string,
): Promise<Applied> {
  requireLive(meeting);
  const active = await listActiveRequests(trx, meeting.id);
  const own = active.find((r) => r.user_id === actor.userId);
  if (own?.status === 'speaking') refuse('You have the floor now.');
  if (own) refuse('You are already on the list of speakers; withdraw your request to ask again.');
  if (kind === 'ordinary' && meeting.queue_closed === 1)
    refuse('The list of speakers is closed; only a point of order can be raised.');
  if (
    kind === 'ordinary' &&
    meeting.one_speaker_per_delegation === 1 &&
    meeting.current_item_id !== null &&
    (await delegationHasTurn(trx, meeting.id, meeting.current_item_id, actor.organizationId))
  )
    refuse('Your delegation already spoke or is on the list for this item (one speaker each).');
  const waiting = active.filter((r) => r.status === 'waiting');
  const id = newId();
  const seq = meeting.room_sequence + 1;
  await insertSpeakerRequest(trx, {
    id,
    meeting_id: meeting.id,
    agenda_item_id: meeting.current_item_id,
    user_id: actor.userId,
    organization_id: actor.organizationId,
    kind,
    requested_seq: seq,
    rank: waiting.reduce((max, r) => Math.max(max, r.rank), 0) + 1,
    requested_at: at,
    status: 'waiting',
    started_at: null,
    ended_at: null,
  });
  if (kind === 'point_of_order') {
    // Ahead of every ordinary request, behind earlier points of order.
    const points = waiting.filter((r) => r.kind === 'point_of_order').map((r) => r.id);
    const others = waiting.filter((r) => r.kind !== 'point_of_order').map((r) => r.id);
    await renumberRequests(trx, [...points, id, ...others]);
  }
  return { meeting: {}, after: [] };
}

async function waitingEntry(trx: Kysely<Database>, meetingId: string, entryId: string) {
  const waiting = (await listActiveRequests(trx, meetingId)).filter((r) => r.status === 'waiting');
  const entry = waiting.find((r) => r.id === entryId);
  if (!entry) throw new NotFoundError('waiting request in this meeting');
  return { waiting, entry };
}

async function apply(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  actor: Actor,
  command: RoomCommand,
  meeting: RoomMeetingRow,
  at: string,
  present: readonly RoomPerson[],
): Promise<Applied> {
  const none: Applied = { meeting: {}, after: [] };
  const actorId = actor.userId;
  switch (command.type) {
    case 'start': {
      if (meeting.state !== 'scheduled') refuse('This meeting has already started.');
      const agenda = await listAgendaForRoom(trx, meeting.id);
      const first = agenda[0]?.id ?? null;
      // Whoever is in the room already attends from the start.
      for (const person of present)
        await openAttendance(trx, {
          id: newId(),
          meetingId: meeting.id,
          userId: person.userId,
          organizationId: person.organizationId,
          at,
        });
      return {
        meeting: {
          state: 'live',
          started_at: at,
          current_item_id: first,
          item_started_at: first ? at : null,
          queue_closed: 0,
          updated_at: at,
        },
        after: [
          () => ctx.events.emit('meeting.started', { meetingId: meeting.id, actorId }),
          () =>
            ctx.events.emit('meeting.changed', { meetingId: meeting.id, change: 'state', actorId }),
        ],
      };
    }
    case 'next':
    case 'previous':
    case 'jump': {
      requireLive(meeting);
      const agenda = await listAgendaForRoom(trx, meeting.id);
      const index = agenda.findIndex((i) => i.id === meeting.current_item_id);
      let target: string | undefined;
      if (command.type === 'jump') {
        target = agenda.find((i) => i.id === command.itemId)?.id;
        if (!target) throw new NotFoundError('agenda item in this meeting');
      } else if (command.type === 'next') {
        target = agenda[index + 1]?.id;
        if (!target) refuse('This is the last item of the agenda.');
      } else {
        target = index > 0 ? agenda[index - 1]?.id : undefined;
        if (!target) refuse('This is the first item of the agenda.');
      }
      return moveToItem(trx, meeting, target, at);
    }
    case 'restartTimer':
      requireLive(meeting);
      if (meeting.current_item_id === null) refuse('No item is current.');
      return { meeting: { item_started_at: at }, after: [] };
    case 'requestFloor':
      return requestFloor(trx, actor, meeting, command.kind, at);
    case 'withdraw': {
      requireLive(meeting);
      const own = (await listActiveRequests(trx, meeting.id)).find(
        (r) => r.user_id === actor.userId && r.status === 'waiting',
      );
      if (!own) throw new NotFoundError('waiting request of yours');
      await setRequestStatus(trx, meeting.id, own.id, 'waiting', {
        status: 'withdrawn',
        ended_at: at,
      });
      return none;
    }
    case 'giveFloor': {
      requireLive(meeting);
      const { entry } = await waitingEntry(trx, meeting.id, command.entryId);
      await closeFloor(trx, meeting.id, at, false);
      await setRequestStatus(trx, meeting.id, entry.id, 'waiting', {
        status: 'speaking',
        started_at: at,
      });
      return none;
    }
    case 'endFloor': {
      requireLive(meeting);
      const speaking = (await listActiveRequests(trx, meeting.id)).some(
        (r) => r.status === 'speaking',
      );
      if (!speaking) refuse('No one has the floor.');
      await closeFloor(trx, meeting.id, at, false);
      return none;
    }
    case 'moveEntry': {
      requireLive(meeting);
      const { waiting, entry } = await waitingEntry(trx, meeting.id, command.entryId);
      const order = waiting.filter((r) => r.id !== entry.id).map((r) => r.id);
      order.splice(Math.min(command.position, order.length), 0, entry.id);
      await renumberRequests(trx, order);
      return none;
    }
    case 'removeEntry': {
      requireLive(meeting);
      const { entry } = await waitingEntry(trx, meeting.id, command.entryId);
      await setRequestStatus(trx, meeting.id, entry.id, 'waiting', {
        status: 'removed',
        ended_at: at,
      });
      return none;
    }
    case 'closeQueue':
      requireLive(meeting);
      return { meeting: { queue_closed: command.closed ? 1 : 0 }, after: [] };
    case 'markAttendance': {
      if (!(await setDelegationMark(trx, meeting.id, command.organizationId, command.mark)))
        throw new NotFoundError('participating organization in this meeting');
      return none;
    }
    case 'takeChair':
      if (meeting.chair_id === actorId) refuse('You are the chair already.');
      return {
        meeting: { chair_id: actorId, updated_at: at },
        after: [
          () =>
            ctx.events.emit('meeting.changed', { meetingId: meeting.id, change: 'roles', actorId }),
          // The former chair keeps the minutes only as a co-chair or rapporteur: their open
          // document connections are re-checked (a writer is cut to read-only).
          () =>
            ctx.events.emit('access.changed', {
              programId: null,
              userId: meeting.chair_id,
              organizationId: null,
            }),
        ],
      };
    case 'end': {
      requireLive(meeting);
      await closeFloor(trx, meeting.id, at, true);
      await closeAttendance(trx, meeting.id, null, at);
      const amendmentEnds = new Date(Date.parse(at) + meeting.amendment_days * 86_400_000);
      return {
        meeting: {
          state: 'ended',
          ended_at: at,
          amendment_ends_at: amendmentEnds.toISOString(),
          updated_at: at,
        },
        after: [
          () => ctx.events.emit('meeting.ended', { meetingId: meeting.id, actorId }),
          () =>
            ctx.events.emit('meeting.changed', { meetingId: meeting.id, change: 'state', actorId }),
        ],
      };
    }
  }
}

type Outcome =
  | { kind: 'applied'; state: RoomState; after: Applied['after'] }
  | { kind: 'stored'; userId: string; reply: string }
  | { kind: 'stale' };

function storedReply(outcome: { userId: string; reply: string }, actor: Actor): RoomState {
  if (outcome.userId !== actor.userId)
    throw new ConflictError('This command id was already used by someone else; send a new one.');
  return RoomStateSchema.parse(JSON.parse(outcome.reply));
}

/**
 * Runs one room command. `can(read)` (404 / 403), then a command already processed (same
 * meeting and commandId) gets its stored reply again; then the command's own ability. The
 * rest is one transaction under the meeting's row lock: the stored command is looked up again
 * (a concurrent retry), a sequenced command's `sequence` must be the room's (else `conflict`
 * with the whole state), the change applies, the sequence rises by one and the reply is
 * stored — all or nothing. After commit: `meeting.roomChanged` with the new state, and the
 * command's own domain events. `present` is who is in the room (for the state's presence).
 */
export async function runRoomCommand(
  ctx: ServiceContext,
  actor: Actor,
  command: RoomCommand,
  present: readonly RoomPerson[],
): Promise<RoomState> {
  const { meetingId, commandId } = command;
  const resource = await authorizeMeeting(ctx, actor, 'read', meetingId);
  const earlier = await findRoomCommand(ctx.db, meetingId, commandId);
  if (earlier) return storedReply({ userId: earlier.user_id, reply: earlier.reply }, actor);
  const action = ACTION_OF[command.type];
  if (!can(actor, action, resource)) {
    const reason = meetingAbilities(actor, resource.facts).denied[action];
    throw reason === 'meeting_stage' ? meetingStageConflict(resource.facts.state) : forbidden();
  }
  const at = ctx.now().toISOString();
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<Outcome> => {
    if (!(await lockMeetingRow(trx, meetingId))) throw new NotFoundError('meeting');
    const again = await findRoomCommand(trx, meetingId, commandId);
    if (again) return { kind: 'stored', userId: again.user_id, reply: again.reply };
    const meeting = await findRoomMeeting(trx, meetingId);
    if (!meeting) throw new NotFoundError('meeting');
    if ('sequence' in command && command.sequence !== meeting.room_sequence)
      return { kind: 'stale' };
    const applied = await apply(ctx, trx, actor, command, meeting, at, present);
    if (!(await raiseRoomSequence(trx, meetingId, meeting.room_sequence, applied.meeting)))
      return { kind: 'stale' };
    const state = await loadRoomState(trx, meetingId, present, at);
    await insertRoomCommand(trx, {
      meetingId,
      commandId,
      userId: actor.userId,
      reply: JSON.stringify(state),
      at,
    });
    return { kind: 'applied', state, after: applied.after };
  });
  if (outcome.kind === 'stored') return storedReply(outcome, actor);
  if (outcome.kind === 'stale') {
    const state = await roomState(ctx, meetingId, present);
    throw new RoomConflictError(
      `The room changed since this command was made; it is at sequence ${state.sequence} now.`,
      state,
    );
  }
  // Committed: a listener that throws (the minutes, the live layer) must not turn the reply
  // into a failure the client would retry.
  for (const emit of [
    () => ctx.events.emit('meeting.roomChanged', outcome.state),
    ...outcome.after,
  ])
    try {
      emit(outcome.state);
    } catch (err) {
      ctx.log.warn({ err, meetingId }, 'a listener of a room change failed');
    }
  return outcome.state;
}

/** A meeting's attendance rows, oldest first: who joined and left the room when. */
export function listRoomAttendance(ctx: ServiceContext, meetingId: string) {
  return listAttendance(ctx.db, meetingId);
}
