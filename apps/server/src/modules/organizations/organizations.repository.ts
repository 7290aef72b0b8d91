import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, OrganizationsTable } from '../../db/schema.js';

/** An organization row as stored. */
export type OrganizationRow = Selectable<OrganizationsTable>;

/** Every organization, by English name (readers sort by the name in their language). */
export function listOrganizationRows(db: Kysely<Database>): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().orderBy('name_en').execute();
}

/** Inserts an organization. */
export async function insertOrganizationRow(
  db: Kysely<Database>,
  row: Insertable<OrganizationsTable>,
) {
  await db.insertInto('organizations').values(row).execute();
}

/** The SICA General Secretariat's id (seeded; bootstrap admins belong to it). */
export async function findSecretariatId(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('kind', '=', 'sica_secretariat')
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id;
}

/** One organization by id, or undefined. */
export function findOrganizationRow(
  db: Kysely<Database>,
  id: string,
): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Renames an organization. */
export async function updateOrganizationRow(
  db: Kysely<Database>,
  id: string,
  patch: Pick<
    Updateable<OrganizationsTable>,
    'name_en' | 'name_es' | 'short_name_en' | 'short_name_es' | 'iati_identifier'
  >,
): Promise<void> {
  await db.updateTable('organizations').set(patch).where('id', '=', id).execute();
}

/** The organization holding this IATI identifier, or undefined. */
export function findOrganizationByIatiIdentifier(
  db: Kysely<Database>,
  iatiIdentifier: string,
): Promise<OrganizationRow | undefined> {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('iati_identifier', '=', iatiIdentifier)
    .executeTakeFirst();
}
