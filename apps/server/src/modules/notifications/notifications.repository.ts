import type { Insertable, Kysely } from 'kysely';
import type { Database, NotificationsTable } from '../../db/schema.js';

/** A notification row with what its reader sees of the person who caused it. */
export interface NotificationRow extends Omit<NotificationsTable, 'source_key' | 'recipient_id'> {
  actor_name: string | null;
  actor_org_en: string | null;
  actor_org_es: string | null;
}

/** Where a page of a person's notifications starts: after this (created_at, id), newest first. */
export interface NotificationCursor {
  createdAt: string;
  id: string;
}

/** Which notifications of a person the reader may see now: workspace ones and these programs'. */
export interface VisibleScopes {
  recipientId: string;
  programIds: readonly string[];
  /** Meetings: every one (null, an admin), or those this organization takes part in. */
  meetingOrganizationId: string | null;
}

function visibleTo(db: Kysely<Database>, scopes: VisibleScopes) {
  return db
    .selectFrom('notifications as n')
    .where('n.recipient_id', '=', scopes.recipientId)
    .where((eb) => {
      const org = scopes.meetingOrganizationId;
      const meetings = eb.and([
        eb('n.scope_kind', '=', 'meeting'),
        ...(org === null
          ? []
          : [
              eb(
                'n.scope_id',
                'in',
                eb
                  .selectFrom('meeting_organizations')
                  .select('meeting_organizations.meeting_id')
                  .where('meeting_organizations.organization_id', '=', org),
              ),
            ]),
      ]);
      const workspace = eb('n.scope_kind', '=', 'workspace');
      if (scopes.programIds.length === 0) return eb.or([workspace, meetings]);
      return eb.or([
        workspace,
        meetings,
        eb.and([eb('n.scope_kind', '=', 'program'), eb('n.scope_id', 'in', scopes.programIds)]),
      ]);
    });
}

/**
 * Inserts a notification unless the recipient already has one of that kind from that source
 * (the unique key); true when it was inserted.
 */
export async function insertNotificationOnce(
  db: Kysely<Database>,
  row: Insertable<NotificationsTable>,
): Promise<boolean> {
  const result = await db
    .insertInto('notifications')
    .values(row)
    .onConflict((oc) => oc.columns(['recipient_id', 'kind', 'source_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

// What a reader sees of a notification: the row and the person who caused it.
function withActor(query: ReturnType<typeof visibleTo>) {
  return query
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .leftJoin('organizations as o', 'o.id', 'a.organization_id')
    .select([
      'n.id',
      'n.kind',
      'n.actor_id',
      'n.scope_kind',
      'n.scope_id',
      'n.target',
      'n.excerpt',
      'n.created_at',
      'n.read_at',
      'a.name as actor_name',
      'o.short_name_en as actor_org_en',
      'o.short_name_es as actor_org_es',
    ]);
}

/** A page of the notifications the reader may see, newest first. */
export function listNotificationRows(
  db: Kysely<Database>,
  scopes: VisibleScopes,
  limit: number,
  after: NotificationCursor | null,
): Promise<NotificationRow[]> {
  let query = withActor(visibleTo(db, scopes));
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('n.created_at', '<', after.createdAt),
        eb.and([eb('n.created_at', '=', after.createdAt), eb('n.id', '<', after.id)]),
      ]),
    );
  }
  return query.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(limit).execute();
}

/** One notification of the recipient, as its reader sees it (no scope filter: just created). */
export function findNotificationRow(
  db: Kysely<Database>,
  recipientId: string,
  id: string,
): Promise<NotificationRow | undefined> {
  const base = db.selectFrom('notifications as n').where('n.recipient_id', '=', recipientId);
  return withActor(base).where('n.id', '=', id).executeTakeFirst();
}

/** How many unread notifications the reader may see. */
export async function countUnread(db: Kysely<Database>, scopes: VisibleScopes): Promise<number> {
  const row = await visibleTo(db, scopes)
    .where('n.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks the person's own notifications among `ids` read; others' ids match nothing. */
export async function markRead(
  db: Kysely<Database>,
  recipientId: string,
  ids: readonly string[] | 'all',
  at: string,
): Promise<void> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', ids);
  await query.execute();
}

/** The person who may receive a notification: their standing for the policy, and whether active. */
export function findRecipientRow(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.role',
      'users.active',
      'users.organization_id',
      'organizations.kind',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

/** The kinds a person turned on or off (kinds without a row are on). */
export function listPreferenceRows(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('notification_preferences')
    .select(['kind', 'enabled'])
    .where('user_id', '=', userId)
    .execute();
}

/** Sets a person's choice for some kinds. */
export async function upsertPreferences(
  db: Kysely<Database>,
  userId: string,
  choices: readonly { kind: string; enabled: boolean }[],
): Promise<void> {
  if (choices.length === 0) return;
  await db
    .insertInto('notification_preferences')
    .values(choices.map((c) => ({ user_id: userId, kind: c.kind, enabled: c.enabled ? 1 : 0 })))
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'kind'])
        .doUpdateSet((eb) => ({ enabled: eb.ref('excluded.enabled') })),
    )
    .execute();
}

/** Portfolio-level fields of some programs (everyone may see them), for presenting. */
export function listProgramLabels(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programs')
    .select(['id', 'code', 'title_en', 'title_es'])
    .where('id', 'in', ids)
    .execute();
}

/** An action item's text and program with its meeting's title, or undefined. */
export function findMeetingTitle(db: Kysely<Database>, meetingId: string, actionItemId: string) {
  return db
    .selectFrom('action_items')
    .innerJoin('meetings', 'meetings.id', 'action_items.meeting_id')
    .select([
      'meetings.title_en',
      'meetings.title_es',
      'action_items.text_en',
      'action_items.text_es',
      'action_items.program_id',
    ])
    .where('action_items.id', '=', actionItemId)
    .where('meetings.id', '=', meetingId)
    .executeTakeFirst();
}

/** Active role `member` people of an organization. */
export async function listMemberIds(db: Kysely<Database>, organizationId: string) {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'member')
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}
