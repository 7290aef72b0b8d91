import { z } from 'zod';
import type { AckError } from './events.js';
import { IdSchema } from '../ids.js';
import { LocalizedTextSchema } from '../schemas/localized.js';
import {
  AgendaItemKindSchema,
  AttendanceMarkSchema,
  MeetingStateSchema,
  MeetingTimeSchema,
} from '../schemas/meeting.js';

/**
 * The live room of a meeting: server-authoritative state, changed only through acknowledged
 * commands (`meeting.command`). Every change raises `sequence`; the chair's commands carry the
 * sequence they were made against and a stale one is refused with `conflict` and the whole
 * current state. Requests for the floor and withdrawals carry no sequence, so many at once all
 * succeed. Each command carries a `commandId` chosen by the client: a retry gets the first
 * reply again and applies once. Clients compute countdowns from `serverNow` (the clock offset)
 * and the server timestamps `itemStartedAt` / `speaker.startedAt`.
 */

/** A request for the floor: a point of order goes ahead of ordinary requests. */
export const FloorRequestKindSchema = z.enum(['ordinary', 'point_of_order']);
/** A floor request's kind. */
export type FloorRequestKind = z.infer<typeof FloorRequestKindSchema>;

/** One waiting request for the floor (or the speaker). */
export const QueueEntrySchema = z.object({
  /** The request's id (the chair gives the floor, moves or removes by it). */
  id: IdSchema,
  /** The person asking. */
  userId: IdSchema,
  name: z.string(),
  /** Their delegation. */
  organizationId: IdSchema,
  organizationName: LocalizedTextSchema,
  kind: FloorRequestKindSchema,
  /** When the server queued it. */
  requestedAt: MeetingTimeSchema,
});
/** A waiting request for the floor. */
export type QueueEntry = z.infer<typeof QueueEntrySchema>;

/** The person who has the floor. */
export const SpeakerSchema = QueueEntrySchema.extend({
  /** When the floor was given (server time): the speaker's timer. */
  startedAt: MeetingTimeSchema,
});
/** The speaker. */
export type Speaker = z.infer<typeof SpeakerSchema>;

/** A person in the room now (each once, however many tabs). */
export const RoomPersonSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  organizationId: IdSchema,
});

/** A participating delegation: the chair's mark and how many of its people are in the room. */
export const RoomDelegationSchema = z.object({
  organizationId: IdSchema,
  name: LocalizedTextSchema,
  mark: AttendanceMarkSchema.nullable(),
  /** Its people in the room now. */
  present: z.number().int().nonnegative(),
});

/** The current agenda item, as the room shows it. */
export const RoomItemSchema = z.object({
  id: IdSchema,
  /** 0-based position in the agenda. */
  position: z.number().int().nonnegative(),
  /** How many items the agenda has. */
  of: z.number().int().positive(),
  title: LocalizedTextSchema,
  kind: AgendaItemKindSchema,
  plannedMinutes: z.number().int().positive(),
});

/** The whole state of a meeting's room; every reply and every `meeting.state` event carries all of it. */
export const RoomStateSchema = z.object({
  meetingId: IdSchema,
  /** Raised by every change; commands of the chair name the one they were made against. */
  sequence: z.number().int().nonnegative(),
  state: MeetingStateSchema,
  /** The chair now (take-over changes it). */
  chairId: IdSchema,
  /** The current item, or null before the start or with an empty agenda. */
  currentItem: RoomItemSchema.nullable(),
  /** When the current item started (its timer), or null. */
  itemStartedAt: MeetingTimeSchema.nullable(),
  /** Who has the floor, or null. */
  speaker: SpeakerSchema.nullable(),
  /** Each speaker's time in minutes, or null. */
  speakerMinutes: z.number().int().positive().nullable(),
  /** Waiting requests in the order the floor will be given. */
  queue: z.array(QueueEntrySchema),
  /** Whether the list of speakers is closed to new requests. */
  queueClosed: z.boolean(),
  /** One speaker per delegation per item. */
  oneSpeakerPerDelegation: z.boolean(),
  /** People in the room now, by name. */
  present: z.array(RoomPersonSchema),
  /** Participating delegations, with marks and counts. */
  delegations: z.array(RoomDelegationSchema),
  /** The server's clock when this state was sent (clients derive their offset from it). */
  serverNow: MeetingTimeSchema,
});
/** A room's state. */
export type RoomState = z.infer<typeof RoomStateSchema>;

/** What every command names: the meeting and the client's idempotency key. */
const CommandBase = {
  meetingId: IdSchema,
  /** Chosen by the client (a UUID); a retry with the same id gets the first reply. */
  commandId: z.uuid(),
};
/** The sequence a chair's command was made against. */
const Sequenced = { sequence: z.number().int().nonnegative() };

/** A command to a meeting's room (`meeting.command`). */
export const RoomCommandSchema = z.discriminatedUnion('type', [
  /** Start the meeting (the chair; creates the minutes from the agenda). */
  z.strictObject({ ...CommandBase, ...Sequenced, type: z.literal('start') }),
  /** Next, previous, or a given item (the chair); the item's timer restarts. */
  z.strictObject({ ...CommandBase, ...Sequenced, type: z.literal('next') }),
  z.strictObject({ ...CommandBase, ...Sequenced, type: z.literal('previous') }),
  z.strictObject({ ...CommandBase, ...Sequenced, type: z.literal('jump'), itemId: IdSchema }),
  /** Restart the current item's timer (the chair). */
  z.strictObject({ ...CommandBase, ...Sequenced, type: z.literal('restartTimer') }),
  /** Ask for the floor (no sequence: many at once all succeed). */
  z.strictObject({ ...CommandBase, type: z.literal('requestFloor'), kind: FloorRequestKindSchema }),
  /** Withdraw one's own request. */
  z.strictObject({ ...CommandBase, type: z.literal('withdraw') }),
  /** Give the floor to a waiting request (the chair); the previous speaker's turn ends. */
  z.strictObject({ ...CommandBase, ...Sequenced, type: z.literal('giveFloor'), entryId: IdSchema }),
  /** End the current speaker's turn (the chair). */
  z.strictObject({ ...CommandBase, ...Sequenced, type: z.literal('endFloor') }),
  /** Move a waiting request to a 0-based position in the queue (the chair). */
  z.strictObject({
    ...CommandBase,
    ...Sequenced,
    type: z.literal('moveEntry'),
    entryId: IdSchema,
    position: z.number().int().nonnegative().max(1000),
  }),
  /** Remove a waiting request (the chair). */
  z.strictObject({
    ...CommandBase,
    ...Sequenced,
    type: z.literal('removeEntry'),
    entryId: IdSchema,
  }),
  /** Close or reopen the list of speakers (the chair). */
  z.strictObject({
    ...CommandBase,
    ...Sequenced,
    type: z.literal('closeQueue'),
    closed: z.boolean(),
  }),
  /** Mark a participating delegation present, absent, excused, or unmark it (the chair). */
  z.strictObject({
    ...CommandBase,
    ...Sequenced,
    type: z.literal('markAttendance'),
    organizationId: IdSchema,
    mark: AttendanceMarkSchema.nullable(),
  }),
  /** Take over the chair (co-chairs, coordinators of its programs, admins). */
  z.strictObject({ ...CommandBase, ...Sequenced, type: z.literal('takeChair') }),
  /** End the meeting (the chair); the amendment window opens. */
  z.strictObject({ ...CommandBase, ...Sequenced, type: z.literal('end') }),
]);
/** A room command. */
export type RoomCommand = z.infer<typeof RoomCommandSchema>;
/** A room command's type. */
export type RoomCommandType = RoomCommand['type'];

/** `meeting.join` / `meeting.leave`: enter a meeting's room (needs `read`; records attendance). */
export const MeetingJoinInputSchema = z.strictObject({ meetingId: IdSchema });
/** Which room to enter or leave. */
export type MeetingJoinInput = z.infer<typeof MeetingJoinInputSchema>;

/**
 * The reply of `meeting.join` and `meeting.command`: the whole state after it, or a refusal —
 * with the whole current state when the refusal is `conflict` (a stale sequence), so the
 * client shows what is true now.
 */
export type RoomReply =
  { ok: true; data: RoomState } | { ok: false; error: AckError; state?: RoomState };
