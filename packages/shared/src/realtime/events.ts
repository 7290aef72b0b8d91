import { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import { IdSchema } from '../ids.js';
import { LocalizedTextSchema, type LocalizedText } from '../schemas/localized.js';
import { ProgramSchema } from '../schemas/program.js';
import type { ThreadChanged } from '../schemas/thread.js';
import type { NotificationCreated, NotificationsRead } from '../schemas/notification.js';
import type { MeetingChanged } from '../schemas/meeting.js';
import type { FundingChanged } from '../schemas/funding.js';
import type { MeetingJoinInput, RoomCommand, RoomReply, RoomState } from './meeting-room.js';

/**
 * The Socket.IO contract. Server facts are `entity.pastTense`, client commands are
 * `entity.imperative` and always answer through an ack. Both apps type Socket.IO with the
 * maps below; every client payload is parsed with the schemas here before anything runs.
 */

/** Path Socket.IO listens on (the web client passes it as `path`). */
export const SOCKET_IO_PATH = '/socket.io/';

/** Largest Socket.IO message the server accepts, in bytes (`maxHttpBufferSize`). */
export const SOCKET_MAX_MESSAGE_BYTES = 64 * 1024;

/** Commands per second a connection may send on average before acks say `too_many_requests`. */
export const SOCKET_COMMANDS_PER_SECOND = 10;

/** Burst of commands a connection may send at once. */
export const SOCKET_COMMAND_BURST = 20;

/** A failed command: the same code and message as the REST error shape. */
export interface AckError {
  /** Machine-readable code (`validation_failed`, `forbidden`, `not_found`, `too_many_requests`, …). */
  code: ErrorCode;
  /** Human-readable English explanation. */
  message: string;
}

/** The reply of every command. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

/** The callback a client passes as a command's last argument. */
export type AckCallback<T> = (reply: Ack<T>) => void;

/** One person online. */
export const PresencePersonSchema = z.object({
  /** The person's id. */
  id: IdSchema,
  /** Display name, from their account. */
  name: z.string(),
});

/** The people of one organization who are online. */
export const PresenceOrganizationSchema = z.object({
  /** The organization's id. */
  id: IdSchema,
  /** The organization's name in each language (each reader shows their own). */
  name: LocalizedTextSchema,
  /** Its people online now, each once however many tabs they have, sorted by name. */
  people: z.array(PresencePersonSchema),
});

/** Who is online in the workspace now, grouped by organization (readers sort by their name). */
export const PresenceSchema = z.object({
  /** Organizations with at least one person online. */
  organizations: z.array(PresenceOrganizationSchema),
});

/** Who is online now. */
export type Presence = z.infer<typeof PresenceSchema>;

/** A program's portfolio-level fields: what anyone signed in may see. */
export const ProgramSummarySchema = ProgramSchema.pick({
  id: true,
  code: true,
  titleEn: true,
  titleEs: true,
  componentId: true,
  priority: true,
  status: true,
});

/** A program's portfolio-level fields. */
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;

/** A program's details without any viewer's abilities (abilities come from REST). */
export const ProgramDetailsSchema = ProgramSchema.omit({ abilities: true });

/** A program's details. */
export type ProgramDetails = z.infer<typeof ProgramDetailsSchema>;

/** Payload of `program.changed`. */
export const ProgramChangedSchema = z.object({
  /** The program. */
  programId: IdSchema,
  /** Whether it was just created or edited. */
  change: z.enum(['created', 'updated']),
  /** Portfolio-level fields, for the portfolio page. */
  summary: ProgramSummarySchema,
  /** Every detail; present only for subscribers of the program's room (they may read it). */
  details: ProgramDetailsSchema.optional(),
});

/** A program changed. */
export type ProgramChanged = z.infer<typeof ProgramChangedSchema>;

/** Why the server is about to disconnect a connection for good. */
export const SessionEndedReasonSchema = z.enum(['session_ended', 'user_deactivated']);

/** Payload of `session.ended`. */
export const SessionEndedSchema = z.object({
  /** Signed out / revoked / expired, or the person was deactivated. */
  reason: SessionEndedReasonSchema,
});

/** Payload of `session.ended`. */
export type SessionEnded = z.infer<typeof SessionEndedSchema>;

/** Payload of `program.accessRevoked`: the connection was removed from the program's room. */
export const ProgramAccessRevokedSchema = z.object({
  /** The program the person may no longer read. */
  programId: IdSchema,
});

/** Payload of `program.accessRevoked`. */
export type ProgramAccessRevoked = z.infer<typeof ProgramAccessRevokedSchema>;

/** Payload of `access.changed`: the person's rights may have changed; refetch abilities. */
export const AccessChangedSchema = z.object({
  /** The program concerned, or null when it may be any. */
  programId: IdSchema.nullable(),
});

/** Payload of `access.changed`. */
export type AccessChanged = z.infer<typeof AccessChangedSchema>;

/** Input of `program.subscribe` and `program.unsubscribe`. */
export const ProgramSubscriptionInputSchema = z.strictObject({
  /** The program to follow live (or stop following). */
  programId: IdSchema,
});

/** Input of `program.subscribe` and `program.unsubscribe`. */
export type ProgramSubscriptionInput = z.infer<typeof ProgramSubscriptionInputSchema>;

/** Reply data of `program.subscribe` and `program.unsubscribe`. */
export interface ProgramSubscription {
  /** The program now followed (or no longer followed). */
  programId: string;
}

/** Payload of `round.changed`: a priority round was opened, closed or reopened. */
export const RoundChangedSchema = z.object({
  /** The round. */
  roundId: IdSchema,
  /** What happened to it. */
  change: z.enum(['opened', 'closed', 'reopened']),
});

/** Payload of `round.changed`. */
export type RoundChanged = z.infer<typeof RoundChangedSchema>;

/**
 * Payload of `ballot.changed`: a delegation saved its ballot. It never carries the ballot:
 * that the delegation voted is public, how it voted only through REST, which asks `can()`.
 */
export const BallotChangedSchema = z.object({
  /** The round. */
  roundId: IdSchema,
  /** The delegation whose ballot changed. */
  organizationId: IdSchema,
});

/** Payload of `ballot.changed`. */
export type BallotChanged = z.infer<typeof BallotChangedSchema>;

/** Input of `round.subscribe` and `round.unsubscribe`. */
export const RoundSubscriptionInputSchema = z.strictObject({
  /** The round to follow live (or stop following). */
  roundId: IdSchema,
});

/** Input of `round.subscribe` and `round.unsubscribe`. */
export type RoundSubscriptionInput = z.infer<typeof RoundSubscriptionInputSchema>;

/** Reply data of `round.subscribe` and `round.unsubscribe`. */
export interface RoundSubscription {
  /** The round now followed (or no longer followed). */
  roundId: string;
}

/** Input of `presence.list`: an empty object. */
export const PresenceListInputSchema = z.strictObject({});

/** Input of `presence.list`. */
export type PresenceListInput = z.infer<typeof PresenceListInputSchema>;

/** Events the server sends (facts, `entity.pastTense`). */
export interface ServerToClientEvents {
  /** Who is online changed (sent to every connection, debounced). */
  'presence.changed': (presence: Presence) => void;
  /** A program was created or edited (workspace: summary; program room: with details). */
  'program.changed': (change: ProgramChanged) => void;
  /** The connection lost `read` on a program and left its room. */
  'program.accessRevoked': (payload: ProgramAccessRevoked) => void;
  /** The person's rights may have changed; the client refetches what shows abilities. */
  'access.changed': (payload: AccessChanged) => void;
  /** The session ended; the server disconnects right after. Do not reconnect: sign in again. */
  'session.ended': (payload: SessionEnded) => void;
  /**
   * A thread was opened, commented, edited, resolved, reopened or re-anchored: sent to the
   * rooms of its subject's readers (a plan's and a program's threads to the program's room).
   */
  'thread.changed': (payload: ThreadChanged) => void;
  /** A notification for this person was created (to `user:<id>`), with their new unread count. */
  'notification.created': (payload: NotificationCreated) => void;
  /** The person read some or all of their notifications in one tab (to `user:<id>`): others follow. */
  'notifications.read': (payload: NotificationsRead) => void;
  /** A priority round was opened, closed or reopened (every signed-in connection). */
  'round.changed': (payload: RoundChanged) => void;
  /** A delegation saved its ballot (the round's room; no content). */
  'ballot.changed': (payload: BallotChanged) => void;
  /** A meeting's room changed: its whole state (the meeting's room, `meeting:<id>`). */
  'meeting.state': (state: RoomState) => void;
  /** A meeting's details, agenda, roles, records or stage changed (the meeting's room). */
  'meeting.changed': (payload: MeetingChanged) => void;
  /** The connection lost `read` on a meeting and left its room. */
  'meeting.accessRevoked': (payload: MeetingJoinInput) => void;
  /**
   * Funding figures changed (every signed-in connection: totals are everyone's). It never
   * names the record: clients refetch the totals, and records through REST, which asks `can()`.
   */
  'funding.changed': (payload: FundingChanged) => void;
}

/** Commands the client sends (`entity.imperative`); each ends with an ack callback. */
export interface ClientToServerEvents {
  /** Follow one program live; needs `read` on it. */
  'program.subscribe': (
    input: ProgramSubscriptionInput,
    ack: AckCallback<ProgramSubscription>,
  ) => void;
  /** Stop following one program. */
  'program.unsubscribe': (
    input: ProgramSubscriptionInput,
    ack: AckCallback<ProgramSubscription>,
  ) => void;
  /** Who is online now (the same snapshot `presence.changed` carries). */
  'presence.list': (input: PresenceListInput, ack: AckCallback<Presence>) => void;
  /** Follow one priority round live; needs `read` on it. */
  'round.subscribe': (input: RoundSubscriptionInput, ack: AckCallback<RoundSubscription>) => void;
  /** Stop following one priority round. */
  'round.unsubscribe': (input: RoundSubscriptionInput, ack: AckCallback<RoundSubscription>) => void;
  /** Enter a meeting's room (needs `read`; records attendance): the whole state. */
  'meeting.join': (input: MeetingJoinInput, ack: (reply: RoomReply) => void) => void;
  /** Leave a meeting's room (attendance records the time). */
  'meeting.leave': (input: MeetingJoinInput, ack: (reply: RoomReply) => void) => void;
  /** A command to the room (`meeting-room.ts`): the whole state after it, or a refusal. */
  'meeting.command': (input: RoomCommand, ack: (reply: RoomReply) => void) => void;
}

/**
 * Messages between server nodes through the Redis adapter: none. Session ends, deactivations
 * and access changes cross nodes on the server's own invalidation channel, for Socket.IO and
 * document connections alike (docs/realtime.md).
 */
export type InterServerEvents = Record<string, never>;

/** What each connection carries, visible to every node (`fetchSockets`): identity only. */
export interface SocketData {
  /** The signed-in person. */
  userId: string;
  /** Their name. */
  name: string;
  /** Their organization. */
  organizationId: string;
  /** Their organization's name in each language. */
  organizationName: LocalizedText;
}
