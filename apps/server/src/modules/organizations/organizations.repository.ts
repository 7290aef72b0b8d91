import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OrganizationsTable } from '../../db/schema.js';

/** An organization row as stored. */
export type OrganizationRow = Selectable<OrganizationsTable>;

/** Every organization, by name. */
export function listOrganizationRows(db: Kysely<Database>): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().orderBy('name').execute();
}

/** Inserts an organization. */
export async function insertOrganizationRow(
  db: Kysely<Database>,
  row: Insertable<OrganizationsTable>,
) {
  await db.insertInto('organizations').values(row).execute();
}
