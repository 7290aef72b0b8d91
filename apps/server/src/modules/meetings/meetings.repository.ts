import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  ActionItemsTable,
  AgendaItemsTable,
  Database,
  MeetingDecisionsTable,
  MeetingsTable,
} from '../../db/schema.js';

/** A meeting row as stored. */
export type MeetingRow = Selectable<MeetingsTable>;
/** An agenda item row. */
export type AgendaItemRow = Selectable<AgendaItemsTable>;
/** A decision row. */
export type DecisionRow = Selectable<MeetingDecisionsTable>;
/** An action item row. */
export type ActionItemRow = Selectable<ActionItemsTable>;

/** A person as meetings show them. */
export interface PersonRow {
  id: string;
  name: string;
  organization_id: string;
  role: string;
  locale: string;
  active: number;
}

/** An organization's names. */
export interface OrganizationRow {
  id: string;
  name_en: string;
  name_es: string;
  kind: string;
}

/** One meeting, or undefined. */
export function findMeetingRow(db: Kysely<Database>, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Meetings starting in the window, of one program if named, ordered by start. Unless
 * `organizationId` is null (an admin), only those the organization participates in.
 */
export function listMeetingRows(
  db: Kysely<Database>,
  filter: { organizationId: string | null; from?: string; to?: string; programId?: string },
): Promise<MeetingRow[]> {
  let query = db.selectFrom('meetings').selectAll('meetings');
  if (filter.organizationId !== null) {
    const org = filter.organizationId;
    query = query.where('meetings.id', 'in', (eb) =>
      eb
        .selectFrom('meeting_organizations')
        .select('meeting_organizations.meeting_id')
        .where('meeting_organizations.organization_id', '=', org),
    );
  }
  if (filter.programId) {
    const programId = filter.programId;
    query = query.where('meetings.id', 'in', (eb) =>
      eb
        .selectFrom('meeting_programs')
        .select('meeting_programs.meeting_id')
        .where('meeting_programs.program_id', '=', programId),
    );
  }
  if (filter.from) query = query.where('meetings.starts_at', '>=', filter.from);
  if (filter.to) query = query.where('meetings.starts_at', '<', filter.to);
  return query.orderBy('meetings.starts_at').orderBy('meetings.id').execute();
}

/** Ids of meetings the organization participates in (all when null: an admin), among `ids`. */
export async function readableMeetingIds(
  db: Kysely<Database>,
  organizationId: string | null,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  if (organizationId === null) {
    const rows = await db.selectFrom('meetings').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }
  const rows = await db
    .selectFrom('meeting_organizations')
    .select('meeting_id')
    .where('organization_id', '=', organizationId)
    .where('meeting_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.meeting_id));
}

/** Program ids of each meeting. */
export async function listMeetingProgramIds(
  db: Kysely<Database>,
  meetingIds: readonly string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(meetingIds.map((id) => [id, []]));
  if (meetingIds.length === 0) return map;
  const rows = await db
    .selectFrom('meeting_programs')
    .select(['meeting_id', 'program_id'])
    .where('meeting_id', 'in', meetingIds)
    .orderBy('program_id')
    .execute();
  for (const r of rows) map.get(r.meeting_id)?.push(r.program_id);
  return map;
}

/** Participating organizations of a meeting with their names and attendance marks. */
export function listMeetingOrganizationRows(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('meeting_organizations')
    .innerJoin('organizations', 'organizations.id', 'meeting_organizations.organization_id')
    .select([
      'organizations.id',
      'organizations.name_en',
      'organizations.name_es',
      'organizations.kind',
      'meeting_organizations.attendance',
    ])
    .where('meeting_organizations.meeting_id', '=', meetingId)
    .orderBy('organizations.name_en')
    .execute();
}

/** Co-chairs and rapporteurs of a meeting. */
export function listMeetingRoleRows(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('meeting_roles')
    .innerJoin('users', 'users.id', 'meeting_roles.user_id')
    .select(['meeting_roles.role', 'users.id', 'users.name', 'users.organization_id'])
    .where('meeting_roles.meeting_id', '=', meetingId)
    .orderBy('users.name')
    .execute();
}

/** The agenda in order. */
export function listAgendaRows(db: Kysely<Database>, meetingId: string): Promise<AgendaItemRow[]> {
  return db
    .selectFrom('agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

/** The agendas of several meetings, each in order. */
export async function listAgendaRowsOf(
  db: Kysely<Database>,
  meetingIds: readonly string[],
): Promise<Map<string, AgendaItemRow[]>> {
  const map = new Map<string, AgendaItemRow[]>(meetingIds.map((id) => [id, []]));
  if (meetingIds.length === 0) return map;
  const rows = await db
    .selectFrom('agenda_items')
    .selectAll()
    .where('meeting_id', 'in', [...meetingIds])
    .orderBy('meeting_id')
    .orderBy('position')
    .execute();
  for (const r of rows) map.get(r.meeting_id)?.push(r);
  return map;
}

/** People by id (any state). */
export async function peopleByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, PersonRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'organization_id', 'role', 'locale', 'active'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Organizations by id. */
export async function organizationsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, OrganizationRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name_en', 'name_es', 'kind'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every organization's id. */
export async function listAllOrganizationIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('organizations').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Ids of the SICA Secretariat organization(s). */
export async function listSecretariatIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('organizations')
    .select('id')
    .where('kind', '=', 'sica_secretariat')
    .execute();
  return rows.map((r) => r.id);
}

/** Which of the ids are existing programs. */
export async function existingProgramIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('programs').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Coordinators of the programs (user ids). */
export async function listCoordinatorIds(
  db: Kysely<Database>,
  programIds: readonly string[],
): Promise<string[]> {
  if (programIds.length === 0) return [];
  const rows = await db
    .selectFrom('program_coordinators')
    .select('user_id')
    .distinct()
    .where('program_id', 'in', programIds)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Active people with one of the roles, optionally of some organizations. */
export function listActivePeople(
  db: Kysely<Database>,
  filter: {
    roles?: readonly string[];
    organizationIds?: readonly string[];
    ids?: readonly string[];
  },
): Promise<PersonRow[]> {
  let query = db
    .selectFrom('users')
    .select(['id', 'name', 'organization_id', 'role', 'locale', 'active'])
    .where('active', '=', 1);
  if (filter.roles) query = query.where('role', 'in', [...filter.roles]);
  if (filter.organizationIds) {
    if (filter.organizationIds.length === 0) return Promise.resolve([]);
    query = query.where('organization_id', 'in', [...filter.organizationIds]);
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', [...filter.ids]);
  }
  return query.orderBy('name').orderBy('id').execute();
}

/** Inserts a meeting with its programs and organizations. */
export async function insertMeeting(
  db: Kysely<Database>,
  row: Insertable<MeetingsTable>,
  programIds: readonly string[],
  organizationIds: readonly string[],
): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
  if (programIds.length > 0)
    await db
      .insertInto('meeting_programs')
      .values(programIds.map((program_id) => ({ meeting_id: row.id, program_id })))
      .execute();
  await replaceMeetingOrganizations(db, row.id, organizationIds);
}

/** Sets a meeting's participating organizations, keeping attendance marks of those staying. */
export async function replaceMeetingOrganizations(
  db: Kysely<Database>,
  meetingId: string,
  organizationIds: readonly string[],
): Promise<void> {
  const current = await db
    .selectFrom('meeting_organizations')
    .select('organization_id')
    .where('meeting_id', '=', meetingId)
    .execute();
  const have = new Set(current.map((r) => r.organization_id));
  const want = new Set(organizationIds);
  const gone = [...have].filter((id) => !want.has(id));
  const added = [...want].filter((id) => !have.has(id));
  if (gone.length > 0)
    await db
      .deleteFrom('meeting_organizations')
      .where('meeting_id', '=', meetingId)
      .where('organization_id', 'in', gone)
      .execute();
  if (added.length > 0)
    await db
      .insertInto('meeting_organizations')
      .values(
        added.map((organization_id) => ({
          meeting_id: meetingId,
          organization_id,
          attendance: null,
        })),
      )
      .execute();
}

/** Sets a meeting's programs. */
export async function replaceMeetingPrograms(
  db: Kysely<Database>,
  meetingId: string,
  programIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('meeting_programs').where('meeting_id', '=', meetingId).execute();
  if (programIds.length > 0)
    await db
      .insertInto('meeting_programs')
      .values(programIds.map((program_id) => ({ meeting_id: meetingId, program_id })))
      .execute();
}

/** Updates a meeting's columns and raises its calendar SEQUENCE by one. */
export async function updateMeetingRow(
  db: Kysely<Database>,
  meetingId: string,
  changes: Updateable<MeetingsTable>,
): Promise<void> {
  await db
    .updateTable('meetings')
    .set((eb) => ({ ...changes, ics_sequence: eb('ics_sequence', '+', 1) }))
    .where('id', '=', meetingId)
    .execute();
}

/** Cancels a scheduled meeting: true only when this call changed it. */
export async function cancelMeetingRow(
  db: Kysely<Database>,
  meetingId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set((eb) => ({
      state: 'cancelled',
      cancelled_at: at,
      updated_at: at,
      ics_sequence: eb('ics_sequence', '+', 1),
    }))
    .where('id', '=', meetingId)
    .where('state', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Raises the agenda revision if it is still `basedOn`: false when another save came first. */
export async function claimAgendaRevision(
  db: Kysely<Database>,
  meetingId: string,
  basedOn: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set((eb) => ({
      agenda_revision: basedOn + 1,
      ics_sequence: eb('ics_sequence', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', meetingId)
    .where('agenda_revision', '=', basedOn)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Writes the agenda in order: existing ids are updated, new ones inserted, items no longer
 * listed deleted (records pointing at them keep their text; their item link is cleared).
 */
export async function writeAgenda(
  db: Kysely<Database>,
  meetingId: string,
  items: readonly Insertable<AgendaItemsTable>[],
): Promise<void> {
  const current = await db
    .selectFrom('agenda_items')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .execute();
  const keep = new Set(items.map((i) => i.id));
  const gone = current.map((r) => r.id).filter((id) => !keep.has(id));
  if (gone.length > 0) {
    await db
      .updateTable('meeting_decisions')
      .set({ agenda_item_id: null })
      .where('agenda_item_id', 'in', gone)
      .execute();
    await db
      .updateTable('action_items')
      .set({ agenda_item_id: null })
      .where('agenda_item_id', 'in', gone)
      .execute();
    await db
      .updateTable('speaker_requests')
      .set({ agenda_item_id: null })
      .where('agenda_item_id', 'in', gone)
      .execute();
    await db
      .updateTable('meetings')
      .set({ current_item_id: null })
      .where('id', '=', meetingId)
      .where('current_item_id', 'in', gone)
      .execute();
    await db.deleteFrom('agenda_items').where('id', 'in', gone).execute();
  }
  const existing = new Set(current.map((r) => r.id));
  for (const item of items) {
    if (existing.has(item.id)) {
      const { id, ...rest } = item;
      await db
        .updateTable('agenda_items')
        .set(rest)
        .where('id', '=', id)
        .where('meeting_id', '=', meetingId)
        .execute();
    } else {
      await db.insertInto('agenda_items').values(item).execute();
    }
  }
}

/** Replaces co-chairs and rapporteurs. */
export async function replaceMeetingRoles(
  db: Kysely<Database>,
  meetingId: string,
  roles: readonly { user_id: string; role: 'co_chair' | 'rapporteur' }[],
): Promise<void> {
  await db.deleteFrom('meeting_roles').where('meeting_id', '=', meetingId).execute();
  if (roles.length > 0)
    await db
      .insertInto('meeting_roles')
      .values(roles.map((r) => ({ meeting_id: meetingId, ...r })))
      .execute();
}

/** Marks a meeting changed (updated_at) without touching its SEQUENCE. */
export async function touchMeeting(db: Kysely<Database>, meetingId: string, at: string) {
  await db.updateTable('meetings').set({ updated_at: at }).where('id', '=', meetingId).execute();
}

// Decisions and action items.

/** A meeting's decisions, oldest first. */
export function listDecisionRows(
  db: Kysely<Database>,
  meetingIds: readonly string[],
): Promise<DecisionRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting_decisions')
    .selectAll()
    .where('meeting_id', 'in', [...meetingIds])
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/** A meeting's action items, oldest first. */
export function listActionItemRows(
  db: Kysely<Database>,
  meetingIds: readonly string[],
): Promise<ActionItemRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('action_items')
    .selectAll()
    .where('meeting_id', 'in', [...meetingIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Ids of meetings concerning the program (through meeting_programs or a record's program). */
export async function listProgramMeetingIds(
  db: Kysely<Database>,
  programId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_programs')
    .select('meeting_id')
    .where('program_id', '=', programId)
    .union(
      db.selectFrom('meeting_decisions').select('meeting_id').where('program_id', '=', programId),
    )
    .union(db.selectFrom('action_items').select('meeting_id').where('program_id', '=', programId))
    .execute();
  return rows.map((r) => r.meeting_id);
}

/**
 * Open or in-progress action items of the programs from meetings other than `exceptMeetingId`
 * (oldest first).
 */
export function listOpenActionItemRows(
  db: Kysely<Database>,
  programIds: readonly string[],
  earlierThan: { meetingId: string; startsAt: string } | null,
): Promise<ActionItemRow[]> {
  if (programIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('action_items')
    .selectAll('action_items')
    .where('status', 'in', ['open', 'in_progress'])
    .where((eb) =>
      eb.or([
        eb('program_id', 'in', [...programIds]),
        eb(
          'meeting_id',
          'in',
          eb
            .selectFrom('meeting_programs')
            .select('meeting_programs.meeting_id')
            .where('meeting_programs.program_id', 'in', [...programIds]),
        ),
      ]),
    );
  if (earlierThan)
    query = query
      .where('meeting_id', '!=', earlierThan.meetingId)
      .where('meeting_id', 'in', (eb) =>
        eb.selectFrom('meetings').select('id').where('starts_at', '<', earlierThan.startsAt),
      );
  return query.orderBy('due_date').orderBy('id').execute();
}

/** Meeting titles by id. */
export async function meetingTitles(db: Kysely<Database>, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { en: string; es: string }>();
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'title_en', 'title_es'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { en: r.title_en, es: r.title_es }]));
}

/** One decision of a meeting, or undefined. */
export function findDecisionRow(db: Kysely<Database>, meetingId: string, id: string) {
  return db
    .selectFrom('meeting_decisions')
    .selectAll()
    .where('id', '=', id)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

/** Inserts a decision. */
export async function insertDecision(db: Kysely<Database>, row: Insertable<MeetingDecisionsTable>) {
  await db.insertInto('meeting_decisions').values(row).execute();
}

/** Updates a decision. */
export async function updateDecision(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<MeetingDecisionsTable>,
) {
  await db.updateTable('meeting_decisions').set(changes).where('id', '=', id).execute();
}

/** Deletes a decision. */
export async function deleteDecision(db: Kysely<Database>, id: string) {
  await db.deleteFrom('meeting_decisions').where('id', '=', id).execute();
}

/** One action item, or undefined. */
export function findActionItemRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('action_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an action item. */
export async function insertActionItem(db: Kysely<Database>, row: Insertable<ActionItemsTable>) {
  await db.insertInto('action_items').values(row).execute();
}

/** Updates an action item and writes its history row (the fields as they were). */
export async function updateActionItem(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<ActionItemsTable>,
  history: { id: string; changed_by: string; changed_at: string; before: string },
) {
  await db.updateTable('action_items').set(changes).where('id', '=', id).execute();
  await db
    .insertInto('action_item_changes')
    .values({ action_item_id: id, ...history })
    .execute();
}

/** Whether the agenda item belongs to the meeting. */
export async function agendaItemBelongs(db: Kysely<Database>, meetingId: string, itemId: string) {
  const row = await db
    .selectFrom('agenda_items')
    .select('id')
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the organization participates in the meeting. */
export async function organizationParticipates(
  db: Kysely<Database>,
  meetingId: string,
  organizationId: string,
) {
  const row = await db
    .selectFrom('meeting_organizations')
    .select('organization_id')
    .where('meeting_id', '=', meetingId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}

// Calendar feeds.

/** The person's feed row, or undefined. */
export function findCalendarFeed(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('calendar_feeds')
    .select(['user_id', 'created_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Replaces the person's feed token hash (the old token dies). */
export async function upsertCalendarFeed(
  db: Kysely<Database>,
  userId: string,
  tokenHash: string,
  at: string,
) {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: tokenHash, created_at: at })
    .execute();
}

/** Deletes the person's feed. */
export async function deleteCalendarFeed(db: Kysely<Database>, userId: string) {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
}

/** The active person a feed token hash belongs to, or undefined. */
export function findFeedOwner(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.role',
      'users.organization_id',
      'users.locale',
      'organizations.kind',
    ])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('users.active', '=', 1)
    .executeTakeFirst();
}

/** People by id with their organization's kind (what the policy needs of them). */
export async function policyPeopleByIds(db: Kysely<Database>, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, PersonRow & { kind: string }>();
  const rows = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.name',
      'users.organization_id',
      'users.role',
      'users.locale',
      'users.active',
      'organizations.kind',
    ])
    .where('users.id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Whether the person chairs any meeting (the demo creates its meeting once). */
export async function chairsAnyMeeting(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('meetings')
    .select('id')
    .where('chair_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Takes a person off a meeting's co-chairs (they became its chair). */
export async function removeCoChair(
  db: Kysely<Database>,
  meetingId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('meeting_roles')
    .where('meeting_id', '=', meetingId)
    .where('user_id', '=', userId)
    .where('role', '=', 'co_chair')
    .execute();
}
