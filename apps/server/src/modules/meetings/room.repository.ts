import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, MeetingsTable, SpeakerRequestsTable } from '../../db/schema.js';

/** A meeting row as the room reads it. */
export type RoomMeetingRow = Selectable<MeetingsTable>;

/** A waiting or speaking request with its person's and delegation's names. */
export interface RequestRow {
  id: string;
  user_id: string;
  organization_id: string;
  kind: string;
  status: string;
  rank: number;
  requested_seq: number;
  requested_at: string;
  started_at: string | null;
  agenda_item_id: string | null;
  name: string;
  org_name_en: string;
  org_name_es: string;
}

/**
 * Holds the meeting's row for the rest of the transaction (a no-op update): on PostgreSQL
 * concurrent room commands of one meeting queue behind it; SQLite serialises write
 * transactions anyway. False when the meeting does not exist.
 */
export async function lockMeetingRow(db: Kysely<Database>, meetingId: string): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set((eb) => ({ room_sequence: eb.ref('room_sequence') }))
    .where('id', '=', meetingId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The meeting, or undefined. */
export function findRoomMeeting(
  db: Kysely<Database>,
  meetingId: string,
): Promise<RoomMeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
}

/**
 * Raises the room's sequence from `from` to `from + 1` with the other changes, only if it is
 * still `from` (the conditional update that makes a stale command lose): true when it applied.
 */
export async function raiseRoomSequence(
  db: Kysely<Database>,
  meetingId: string,
  from: number,
  changes: Updateable<MeetingsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({ ...changes, room_sequence: from + 1 })
    .where('id', '=', meetingId)
    .where('room_sequence', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A processed command of the room (its stored reply), or undefined. */
export function findRoomCommand(db: Kysely<Database>, meetingId: string, commandId: string) {
  return db
    .selectFrom('meeting_commands')
    .select(['user_id', 'reply'])
    .where('meeting_id', '=', meetingId)
    .where('command_id', '=', commandId)
    .executeTakeFirst();
}

/** Stores a processed command's reply. */
export async function insertRoomCommand(
  db: Kysely<Database>,
  row: { meetingId: string; commandId: string; userId: string; reply: string; at: string },
): Promise<void> {
  await db
    .insertInto('meeting_commands')
    .values({
      meeting_id: row.meetingId,
      command_id: row.commandId,
      user_id: row.userId,
      reply: row.reply,
      created_at: row.at,
    })
    .execute();
}

/** The meeting's agenda in order. */
export function listAgendaForRoom(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('agenda_items')
    .select(['id', 'title_en', 'title_es', 'kind', 'planned_minutes'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The meeting's waiting and speaking requests, in rank order, with names. */
export function listActiveRequests(db: Kysely<Database>, meetingId: string): Promise<RequestRow[]> {
  return db
    .selectFrom('speaker_requests as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .select([
      'r.id',
      'r.user_id',
      'r.organization_id',
      'r.kind',
      'r.status',
      'r.rank',
      'r.requested_seq',
      'r.requested_at',
      'r.started_at',
      'r.agenda_item_id',
      'u.name',
      'o.name_en as org_name_en',
      'o.name_es as org_name_es',
    ])
    .where('r.meeting_id', '=', meetingId)
    .where('r.status', 'in', ['waiting', 'speaking'])
    .orderBy('r.rank')
    .orderBy('r.requested_seq')
    .execute();
}

/** Inserts a request for the floor. */
export async function insertSpeakerRequest(
  db: Kysely<Database>,
  row: Insertable<SpeakerRequestsTable>,
): Promise<void> {
  await db.insertInto('speaker_requests').values(row).execute();
}

/** Sets the ranks of waiting requests to 1..n in the given order. */
export async function renumberRequests(db: Kysely<Database>, ids: readonly string[]) {
  for (const [index, id] of ids.entries())
    await db
      .updateTable('speaker_requests')
      .set({ rank: index + 1 })
      .where('id', '=', id)
      .execute();
}

/** Moves one request from a status to another (with times); true when it was in `from`. */
export async function setRequestStatus(
  db: Kysely<Database>,
  meetingId: string,
  id: string,
  from: string,
  changes: Updateable<SpeakerRequestsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('speaker_requests')
    .set(changes)
    .where('id', '=', id)
    .where('meeting_id', '=', meetingId)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends the speaker's turn (speaking → spoke) and lapses every waiting request. */
export async function closeFloor(
  db: Kysely<Database>,
  meetingId: string,
  at: string,
  lapseWaiting: boolean,
): Promise<void> {
  await db
    .updateTable('speaker_requests')
    .set({ status: 'spoke', ended_at: at })
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'speaking')
    .execute();
  if (!lapseWaiting) return;
  await db
    .updateTable('speaker_requests')
    .set({ status: 'lapsed', ended_at: at })
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'waiting')
    .execute();
}

/** Whether the delegation spoke, speaks or waits on this item. */
export async function delegationHasTurn(
  db: Kysely<Database>,
  meetingId: string,
  itemId: string,
  organizationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('speaker_requests')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('agenda_item_id', '=', itemId)
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'ordinary')
    .where('status', 'in', ['waiting', 'speaking', 'spoke'])
    .executeTakeFirst();
  return row !== undefined;
}

/** The participating delegations with their names and the chair's marks. */
export function listRoomDelegations(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('meeting_organizations as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.organization_id', 'm.attendance', 'o.name_en', 'o.name_es'])
    .where('m.meeting_id', '=', meetingId)
    .orderBy('o.name_en')
    .execute();
}

/** Sets a participating delegation's mark; false when it does not participate. */
export async function setDelegationMark(
  db: Kysely<Database>,
  meetingId: string,
  organizationId: string,
  mark: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('meeting_organizations')
    .set({ attendance: mark })
    .where('meeting_id', '=', meetingId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Opens an attendance row for the person unless one is open already. */
export async function openAttendance(
  db: Kysely<Database>,
  row: { id: string; meetingId: string; userId: string; organizationId: string; at: string },
): Promise<void> {
  const open = await db
    .selectFrom('meeting_attendance')
    .select('id')
    .where('meeting_id', '=', row.meetingId)
    .where('user_id', '=', row.userId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  if (open) return;
  await db
    .insertInto('meeting_attendance')
    .values({
      id: row.id,
      meeting_id: row.meetingId,
      user_id: row.userId,
      organization_id: row.organizationId,
      joined_at: row.at,
      left_at: null,
    })
    .execute();
}

/** Closes the person's open attendance rows (all of the meeting's when `userId` is null). */
export async function closeAttendance(
  db: Kysely<Database>,
  meetingId: string,
  userId: string | null,
  at: string,
): Promise<void> {
  let query = db
    .updateTable('meeting_attendance')
    .set({ left_at: at })
    .where('meeting_id', '=', meetingId)
    .where('left_at', 'is', null);
  if (userId !== null) query = query.where('user_id', '=', userId);
  await query.execute();
}

/** Attendance rows of a meeting, oldest first (tests and records). */
export function listAttendance(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('meeting_attendance')
    .select(['user_id', 'organization_id', 'joined_at', 'left_at'])
    .where('meeting_id', '=', meetingId)
    .orderBy('joined_at')
    .execute();
}
