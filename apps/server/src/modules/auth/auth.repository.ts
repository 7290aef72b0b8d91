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
      'organizations.name_en as organization_name_en',
      'organizations.name_es as organization_name_es',
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

/** Deletes every session of a person except one (or none); returns the deleted ids. */
export async function deleteSessionsOfUser(
  db: Kysely<Database>,
  userId: string,
  keepSessionId: string | null,
): Promise<string[]> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId !== null) query = query.where('id', '!=', keepSessionId);
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}

/** Every session of a person, newest activity first. */
export function listSessionsOfUser(db: Kysely<Database>, userId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('last_active_at', 'desc')
    .execute();
}

/** Deletes one session if it belongs to the person; true when one was deleted. */
export async function deleteOwnSession(
  db: Kysely<Database>,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const rows = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Replaces a person's password hash. */
export async function updatePasswordHash(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

/** Changes a person's own profile fields (name, language, time zone). */
export async function updateProfileRow(
  db: Kysely<Database>,
  userId: string,
  patch: { name?: string; locale?: string; time_zone?: string; updated_at: string },
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', userId).execute();
}
