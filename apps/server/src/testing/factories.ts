import type { FastifyInstance } from 'fastify';
import type { OrganizationKind, Relation, Role } from '@mesa/shared';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../lib/passwords.js';
import { insertOrganizationRow } from '../modules/organizations/index.js';
import { SESSION_COOKIE, createSession, insertUser } from '../modules/auth/index.js';
import { insertCoordinator, upsertProgramRelation } from '../modules/access/index.js';

/** The password every factory-made person has. */
export const FACTORY_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

/** What a test may say about a person to create; everything has a default. */
export interface PersonOverrides {
  role?: Role;
  /** Their organization's relation to `programId`. */
  relation?: Relation | null;
  /** Named coordinator of `programId`. */
  coordinator?: boolean;
  programId?: string;
  /** Put them in this organization instead of a new one. */
  organizationId?: string;
  /** Kind of the new organization made for them. */
  organizationKind?: OrganizationKind;
  name?: string;
  email?: string;
  locale?: 'en' | 'es';
}

/** A person made for a test, signed in. */
export interface TestPerson {
  userId: string;
  organizationId: string;
  email: string;
  name: string;
  sessionId: string;
  token: string;
  /** `Cookie` header value carrying the session. */
  cookie: string;
}

/** Creates a person (and, unless given, an organization of their own) with a session. */
export async function createPerson(
  app: FastifyInstance,
  o: PersonOverrides = {},
): Promise<TestPerson> {
  const db = app.ctx.db;
  const at = app.now().toISOString();
  const organizationId = o.organizationId ?? newId();
  if (!o.organizationId) {
    const kind = o.organizationKind ?? 'partner_nation';
    await insertOrganizationRow(db, {
      id: organizationId,
      name_en: `Org ${organizationId}`,
      name_es: `Org ${organizationId} (es)`,
      short_name_en: organizationId.slice(0, 6),
      short_name_es: `${organizationId.slice(0, 6)}-es`,
      kind,
      country_code: null,
      created_at: at,
    });
  }
  const userId = newId();
  const email = o.email ?? `${userId}@example.org`;
  const name = o.name ?? `Person ${userId.slice(0, 4)}`;
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  await insertUser(db, {
    id: userId,
    email,
    name,
    password_hash: await passwordHash,
    role: o.role ?? 'member',
    organization_id: organizationId,
    locale: o.locale ?? 'en',
    time_zone: 'UTC',
    active: 1,
    created_at: at,
    updated_at: at,
  });
  if (o.programId && o.relation)
    await upsertProgramRelation(db, o.programId, organizationId, o.relation);
  if (o.programId && o.coordinator) await insertCoordinator(db, o.programId, userId);
  const session = await createSession(app.ctx, userId, { userAgent: 'factory', ip: null });
  return {
    userId,
    organizationId,
    email,
    name,
    sessionId: session.sessionId,
    token: session.token,
    cookie: `${SESSION_COOKIE}=${session.token}`,
  };
}

/** The id of the first seeded program (by code order), handy as a test's program. */
export async function firstProgramId(app: FastifyInstance): Promise<string> {
  const row = await app.ctx.db
    .selectFrom('programs')
    .select('id')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Opens another session for a person (tests that need a second browser). */
export { createSession } from '../modules/auth/index.js';

/** Checks credentials as sign-in does, from any address (sign-in limit tests). */
export { verifyCredentials } from '../modules/auth/index.js';

/** Closes every past-due priority round now, as each node's closer does (two-node tests). */
export { closeDueRounds } from '../modules/priorities/index.js';

/** Inserts an open priority round whose closing time has already passed; its id. */
export async function insertDueRound(app: FastifyInstance, openedBy: string): Promise<string> {
  const id = newId();
  const past = new Date(app.now().getTime() - 60_000).toISOString();
  const programs = await app.ctx.db.selectFrom('programs').select('id').execute();
  await app.ctx.db
    .insertInto('priority_rounds')
    .values({
      id,
      title_en: 'Past due',
      title_es: 'Vencida',
      candidate_program_ids: JSON.stringify(programs.map((p) => p.id)),
      places: 8,
      closes_at: past,
      results_visibility: 'after_close',
      state: 'open',
      opened_by: openedBy,
      opened_at: past,
      closed_at: null,
      closed_by: null,
      final_board: null,
    })
    .execute();
  return id;
}

/** Meetings made directly in the database, and their room's attendance rows. */
export {
  createMeeting,
  listRoomAttendance,
  type MeetingOverrides,
  type TestMeeting,
} from './meetings.js';

/** Commitment records and rates made directly in the database. */
export {
  createCommitment,
  insertRate,
  type CommitmentOverrides,
  type TestTransaction,
} from './funding.js';
