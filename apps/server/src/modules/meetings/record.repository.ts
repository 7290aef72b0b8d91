import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** The meeting row fields the minutes and the record need. */
export async function findMeetingRow(db: Db, meetingId: string) {
  return db
    .selectFrom('meetings')
    .innerJoin('users as chair', 'chair.id', 'meetings.chair_id')
    .select([
      'meetings.id',
      'meetings.title_en',
      'meetings.title_es',
      'meetings.starts_at',
      'meetings.ends_at',
      'meetings.location',
      'meetings.state',
      'meetings.minutes_locale',
      'meetings.chair_id',
      'chair.name as chair_name',
      'chair.organization_id as chair_organization_id',
      'meetings.published_at',
      'meetings.published_by',
      'meetings.published_record',
    ])
    .where('meetings.id', '=', meetingId)
    .executeTakeFirst();
}

/** The agenda, in order. */
export async function selectAgenda(db: Db, meetingId: string) {
  return db
    .selectFrom('agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

/** Co-chairs and rapporteurs with their names, in name order. */
export async function selectRoles(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_roles')
    .innerJoin('users', 'users.id', 'meeting_roles.user_id')
    .select(['meeting_roles.role', 'users.id', 'users.name', 'users.organization_id'])
    .where('meeting_roles.meeting_id', '=', meetingId)
    .orderBy('users.name')
    .execute();
}

/** The programs the meeting concerns. */
export async function selectProgramIds(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_programs')
    .select('program_id')
    .where('meeting_id', '=', meetingId)
    .orderBy('program_id')
    .execute();
  return rows.map((r) => r.program_id);
}

/** Participating organizations with the chair's mark, in English name order. */
export async function selectDelegations(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_organizations')
    .innerJoin('organizations', 'organizations.id', 'meeting_organizations.organization_id')
    .select([
      'organizations.id',
      'organizations.name_en',
      'organizations.name_es',
      'meeting_organizations.attendance',
    ])
    .where('meeting_organizations.meeting_id', '=', meetingId)
    .orderBy('organizations.name_en')
    .execute();
}

/** Every stay in the room, with the person's name, oldest first. */
export async function selectStays(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_attendance')
    .innerJoin('users', 'users.id', 'meeting_attendance.user_id')
    .select([
      'meeting_attendance.user_id',
      'users.name',
      'meeting_attendance.organization_id',
      'meeting_attendance.joined_at',
      'meeting_attendance.left_at',
    ])
    .where('meeting_attendance.meeting_id', '=', meetingId)
    .orderBy('meeting_attendance.joined_at')
    .orderBy('meeting_attendance.id')
    .execute();
}

/** A person's name and organization. */
export async function findPerson(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'organization_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/**
 * Publishes the meeting if it is still `ended` (the conditional update is the guard against a
 * second publish or a racing state change); true when this call published it.
 */
export async function markPublished(
  db: Db,
  input: { meetingId: string; at: string; by: string; record: string },
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({
      state: 'published',
      published_at: input.at,
      published_by: input.by,
      published_record: input.record,
      updated_at: input.at,
    })
    .where('id', '=', input.meetingId)
    .where('state', '=', 'ended')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Addenda with their authors, oldest first. */
export async function selectAddenda(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_addenda')
    .innerJoin('users', 'users.id', 'meeting_addenda.author_id')
    .selectAll('meeting_addenda')
    .select(['users.name as author_name', 'users.organization_id as author_org'])
    .where('meeting_addenda.meeting_id', '=', meetingId)
    .orderBy('meeting_addenda.created_at')
    .orderBy('meeting_addenda.id')
    .execute();
}

/** Adds an addendum. */
export async function insertAddendum(
  db: Db,
  row: { id: string; meeting_id: string; body: string; author_id: string; created_at: string },
): Promise<void> {
  await db.insertInto('meeting_addenda').values(row).execute();
}
