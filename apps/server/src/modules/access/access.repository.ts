import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Sets (or replaces) an organization's relation to a program. */
export async function upsertProgramRelation(
  db: Kysely<Database>,
  programId: string,
  organizationId: string,
  relation: string,
): Promise<void> {
  await db
    .insertInto('program_organizations')
    .values({ program_id: programId, organization_id: organizationId, relation })
    .onConflict((oc) => oc.columns(['program_id', 'organization_id']).doUpdateSet({ relation }))
    .execute();
}

/** Removes an organization's relation to a program. */
export async function deleteProgramRelation(
  db: Kysely<Database>,
  programId: string,
  organizationId: string,
): Promise<void> {
  await db
    .deleteFrom('program_organizations')
    .where('program_id', '=', programId)
    .where('organization_id', '=', organizationId)
    .execute();
}

/** Names a person coordinator of a program (idempotent). */
export async function insertCoordinator(
  db: Kysely<Database>,
  programId: string,
  userId: string,
): Promise<void> {
  await db
    .insertInto('program_coordinators')
    .values({ program_id: programId, user_id: userId })
    .onConflict((oc) => oc.columns(['program_id', 'user_id']).doNothing())
    .execute();
}

/** A program's coordinators with their names. */
export function listCoordinatorRows(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('program_coordinators')
    .innerJoin('users', 'users.id', 'program_coordinators.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.organization_id'])
    .where('program_coordinators.program_id', '=', programId)
    .orderBy('users.name')
    .execute();
}

/** Removes a person from a program's coordinators. */
export async function deleteCoordinator(
  db: Kysely<Database>,
  programId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('program_coordinators')
    .where('program_id', '=', programId)
    .where('user_id', '=', userId)
    .execute();
}

/** A program's organizations with their relation and names (English order; readers re-sort). */
export function listRelationRows(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('program_organizations')
    .innerJoin('organizations', 'organizations.id', 'program_organizations.organization_id')
    .select([
      'organizations.id',
      'organizations.name_en',
      'organizations.name_es',
      'program_organizations.relation',
    ])
    .where('program_organizations.program_id', '=', programId)
    .orderBy('organizations.name_en')
    .execute();
}

/** The programs' lead relations as (program, organization) pairs; every program when null. */
export function listLeadRows(db: Kysely<Database>, programIds: readonly string[] | null) {
  let query = db
    .selectFrom('program_organizations')
    .select(['program_id', 'organization_id'])
    .where('relation', '=', 'lead');
  if (programIds !== null) query = query.where('program_id', 'in', programIds);
  return query.orderBy('organization_id').execute();
}

/** The programs an organization has a relation to. */
export async function listProgramsOfOrganization(
  db: Kysely<Database>,
  organizationId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('program_organizations')
    .select('program_id')
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map((r) => r.program_id);
}

/** The organizations with a relation to any of the programs. */
export async function listOrganizationsOnPrograms(
  db: Kysely<Database>,
  programIds: readonly string[],
): Promise<string[]> {
  if (programIds.length === 0) return [];
  const rows = await db
    .selectFrom('program_organizations')
    .select('organization_id')
    .distinct()
    .where('program_id', 'in', programIds)
    .execute();
  return rows.map((r) => r.organization_id);
}
