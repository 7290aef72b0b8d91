import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

// The standings authorization decides on. The access module writes these tables; reading
// them here keeps authz below the modules (no import up into a module, no cycle through one).

/** An organization's relation to a program, and whether the person coordinates it; undefined when the program does not exist. */
export async function findProgramStanding(
  db: Kysely<Database>,
  programId: string,
  organizationId: string,
  userId: string,
): Promise<{ relation: string | null; isCoordinator: boolean } | undefined> {
  const program = await db
    .selectFrom('programs')
    .select('id')
    .where('id', '=', programId)
    .executeTakeFirst();
  if (!program) return undefined;
  const relation = await db
    .selectFrom('program_organizations')
    .select('relation')
    .where('program_id', '=', programId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  const coordinator = await db
    .selectFrom('program_coordinators')
    .select('user_id')
    .where('program_id', '=', programId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { relation: relation?.relation ?? null, isCoordinator: coordinator !== undefined };
}

/** Every relation of one organization, and the programs one person coordinates (for lists). */
export async function listStandings(db: Kysely<Database>, organizationId: string, userId: string) {
  const relations = await db
    .selectFrom('program_organizations')
    .select(['program_id', 'relation'])
    .where('organization_id', '=', organizationId)
    .execute();
  const coordinated = await db
    .selectFrom('program_coordinators')
    .select('program_id')
    .where('user_id', '=', userId)
    .execute();
  return { relations, coordinated: coordinated.map((r) => r.program_id) };
}

/** The id of every program. */
export async function listProgramIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('programs').select('id').execute();
  return rows.map((r) => r.id);
}

/** What authorization needs of a priority round, or undefined when it does not exist. */
export function findRoundRow(db: Kysely<Database>, roundId: string) {
  return db
    .selectFrom('priority_rounds')
    .select(['state', 'results_visibility', 'opened_by', 'closes_at'])
    .where('id', '=', roundId)
    .executeTakeFirst();
}

/** The relations an organization holds to any program (`lead`, `partner`, `observer`), each once. */
export async function listOrganizationRelations(
  db: Kysely<Database>,
  organizationId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('program_organizations')
    .select('relation')
    .distinct()
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map((r) => r.relation);
}

/**
 * What authorization needs of a meeting for one person, or undefined when it does not exist:
 * its stage and end of amendments, whether the person's organization participates, their roles
 * in it, and the meeting's programs (to decide whether they coordinate one).
 */
export async function findMeetingStanding(
  db: Kysely<Database>,
  meetingId: string,
  organizationId: string,
  userId: string,
) {
  const meeting = await db
    .selectFrom('meetings')
    .select(['state', 'chair_id', 'amendment_ends_at'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) return undefined;
  const [participation, roles, programs] = await Promise.all([
    db
      .selectFrom('meeting_organizations')
      .select('organization_id')
      .where('meeting_id', '=', meetingId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst(),
    db
      .selectFrom('meeting_roles')
      .select('role')
      .where('meeting_id', '=', meetingId)
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('meeting_programs')
      .select('program_id')
      .where('meeting_id', '=', meetingId)
      .execute(),
  ]);
  return {
    state: meeting.state,
    chairId: meeting.chair_id,
    amendmentEndsAt: meeting.amendment_ends_at,
    participates: participation !== undefined,
    roles: roles.map((r) => r.role),
    programIds: programs.map((p) => p.program_id),
  };
}

/**
 * A meeting's standings for everyone at once (mention suggestions judge many people): its
 * participating organizations, named roles, programs, and those programs' relations and
 * coordinators. Five queries whatever the number of people; undefined when it does not exist.
 */
export async function findMeetingStandings(db: Kysely<Database>, meetingId: string) {
  const meeting = await db
    .selectFrom('meetings')
    .select(['state', 'chair_id', 'amendment_ends_at'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) return undefined;
  const programs = db
    .selectFrom('meeting_programs')
    .select('program_id')
    .where('meeting_id', '=', meetingId);
  const [organizations, roles, programIds, relations, coordinators] = await Promise.all([
    db
      .selectFrom('meeting_organizations')
      .select('organization_id')
      .where('meeting_id', '=', meetingId)
      .execute(),
    db
      .selectFrom('meeting_roles')
      .select(['user_id', 'role'])
      .where('meeting_id', '=', meetingId)
      .execute(),
    programs.execute(),
    db
      .selectFrom('program_organizations')
      .select(['program_id', 'organization_id', 'relation'])
      .where('program_id', 'in', programs)
      .execute(),
    db
      .selectFrom('program_coordinators')
      .select(['program_id', 'user_id'])
      .where('program_id', 'in', programs)
      .execute(),
  ]);
  return {
    state: meeting.state,
    chairId: meeting.chair_id,
    amendmentEndsAt: meeting.amendment_ends_at,
    organizationIds: organizations.map((o) => o.organization_id),
    roles,
    programIds: programIds.map((p) => p.program_id),
    relations,
    coordinators,
  };
}

/** Who a commitment record belongs to, for the policy; null when it does not exist or was deleted. */
export async function findCommitmentStanding(
  db: Kysely<Database>,
  recordId: string,
): Promise<{
  programId: string | null;
  donorOrganizationId: string;
  receivingOrganizationId: string | null;
} | null> {
  const row = await db
    .selectFrom('commitment_records')
    .select(['program_id', 'donor_organization_id', 'receiving_organization_id'])
    .where('id', '=', recordId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    programId: row.program_id,
    donorOrganizationId: row.donor_organization_id,
    receivingOrganizationId: row.receiving_organization_id,
  };
}
