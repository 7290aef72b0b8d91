import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, InvitationsTable } from '../../db/schema.js';

/** An invitation row. */
export type InvitationRow = Selectable<InvitationsTable>;

/** Stores an invitation (only the token's hash). */
export async function insertInvitation(
  db: Kysely<Database>,
  row: Insertable<InvitationsTable>,
): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

/** An invitation by its token's hash, with its organization's name. */
export function findInvitationByHash(db: Kysely<Database>, hash: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.organization_id')
    .selectAll('invitations')
    .select([
      'organizations.name_en as organization_name_en',
      'organizations.name_es as organization_name_es',
    ])
    .where('invitations.token_hash', '=', hash)
    .executeTakeFirst();
}

/** An invitation by id. */
export function findInvitationById(
  db: Kysely<Database>,
  id: string,
): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Pending invitations (not accepted, not expired), newest first; only one inviter's if given. */
export function listPendingInvitations(
  db: Kysely<Database>,
  now: string,
  invitedBy: string | null,
): Promise<InvitationRow[]> {
  let query = db
    .selectFrom('invitations')
    .selectAll()
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now);
  if (invitedBy !== null) query = query.where('invited_by', '=', invitedBy);
  return query.orderBy('created_at', 'desc').execute();
}

/** Marks an invitation used if it was not; true for the one caller that wins. */
export async function markInvitationAccepted(
  db: Kysely<Database>,
  id: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const rows = await db
    .updateTable('invitations')
    .set({ accepted_at: at, accepted_user_id: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Deletes an invitation (revoke). */
export async function deleteInvitation(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('invitations').where('id', '=', id).execute();
}
