import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, SessionsTable, UsersTable } from '../../db/schema.js';

/** A user row. */
export type UserRow = Selectable<UsersTable>;
/** A session row. */
export type SessionRow = Selectable<SessionsTable>;

/** A session with the person and organization it belongs to. */
export function findSessionWithUser(db: Kysely<Database>, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'sessions.id as session_id',
      'sessions.secret_hash',
      'sessions.last_active_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.role',
      'users.active',
      'users.locale',
      'users.time_zone',
      'users.organization_id',
      'organizations.kind as organization_kind',
      'organizations.name as organization_name',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

/** Stores a new session. */
export async function insertSession(
  db: Kysely<Database>,
  row: Insertable<SessionsTable>,
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** Moves a session's last activity forward (idle timeout). */
export async function touchSession(
  db: Kysely<Database>,
  sessionId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_active_at: at })
    .where('id', '=', sessionId)
    .execute();
}

/** Deletes one session. */
export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** A person by email (stored lower-case). */
export function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** A person by id. */
export function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Stores a new person. */
export async function insertUser(db: Kysely<Database>, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}
