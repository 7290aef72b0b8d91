import type { Kysely, Updateable } from 'kysely';
import type { Database, UsersTable } from '../../db/schema.js';

function people(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.active',
      'users.organization_id',
      'users.created_at',
      'organizations.name_en as organization_name_en',
      'organizations.name_es as organization_name_es',
    ]);
}

/** A person with their organization's name. */
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonRow>>>;

/** Every person, by name. */
export function listPersonRows(db: Kysely<Database>) {
  return people(db).orderBy('users.name').execute();
}

/** One person by id, or undefined. */
export function findPersonRow(db: Kysely<Database>, id: string) {
  return people(db).where('users.id', '=', id).executeTakeFirst();
}

/** Changes a person's role or active flag. */
export async function updateUserRow(
  db: Kysely<Database>,
  id: string,
  patch: Updateable<UsersTable>,
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** How many active administrators there are. */
export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many people there are at all (zero before setup). */
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether an organization exists. */
export async function organizationExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
