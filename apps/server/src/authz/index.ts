import {
  ErrorCodes,
  RelationSchema,
  ResultsVisibilitySchema,
  parseDocumentName,
  roundDenialReason,
  type ProgramFacts,
  type RoundFacts,
} from '@mesa/shared';
import type { ServiceContext } from '../lib/context.js';
import { AppError, NotFoundError } from '../lib/errors.js';
import {
  findProgramStanding,
  findRoundRow,
  listOrganizationRelations,
  listProgramIds,
  listStandings,
} from './standings.repository.js';
import type { Actor } from './actor.js';
import {
  can,
  type ProgramAction,
  type Resource,
  type RoundAction,
  type WorkspaceAction,
} from './can.js';

export {
  can,
  type Actor,
  type ProgramAction,
  type RoundAction,
  type WorkspaceAction,
  type Resource,
};

/**
 * What the policy needs of a person: a signed-in actor, or someone decided about without a
 * session of theirs (the recipient of a notification).
 */
export type PolicyPerson = Pick<Actor, 'userId' | 'organizationId' | 'role' | 'organizationKind'>;

/** The actor's standing on a program, or null when the program does not exist. */
export async function loadProgramFacts(
  ctx: ServiceContext,
  actor: PolicyPerson,
  programId: string,
): Promise<ProgramFacts | null> {
  const standing = await findProgramStanding(ctx.db, programId, actor.organizationId, actor.userId);
  if (!standing) return null;
  const relation = standing.relation === null ? null : RelationSchema.parse(standing.relation);
  return { relation, isCoordinator: standing.isCoordinator };
}

/** The program resource for `can()`, or NotFoundError. */
export async function programResource(
  ctx: ServiceContext,
  actor: Actor,
  programId: string,
): Promise<Resource> {
  const facts = await loadProgramFacts(ctx, actor, programId);
  if (!facts) throw new NotFoundError('program');
  return { type: 'program', programId, facts };
}

/** Throws 403 unless the actor may do the action on the program (404 if it does not exist). */
export async function authorizeProgram(
  ctx: ServiceContext,
  actor: Actor,
  action: ProgramAction,
  programId: string,
): Promise<void> {
  const resource = await programResource(ctx, actor, programId);
  if (!can(actor, action, resource)) throw forbidden();
}

/** The workspace resource for `can()`, with whether the actor coordinates a program they may invite to. */
export async function workspaceResource(ctx: ServiceContext, actor: Actor): Promise<Resource> {
  return workspaceResourceFor(await programsActorMayInviteTo(ctx, actor));
}

/** The workspace resource, given the programs the actor may invite to (already loaded). */
export function workspaceResourceFor(invitePrograms: readonly string[]): Resource {
  return { type: 'workspace', facts: { coordinatesProgram: invitePrograms.length > 0 } };
}

/** The actor's standing on every program at once, for lists. */
export interface ProgramStandings {
  /** Ids of the programs the actor coordinates. */
  coordinated: readonly string[];
  /** The actor's facts on one program (no relation, not coordinator when unknown). */
  factsOf(programId: string): ProgramFacts;
}

/** Loads the actor's standings on all programs in two queries, instead of two per program. */
export async function loadProgramStandings(
  ctx: ServiceContext,
  actor: PolicyPerson,
): Promise<ProgramStandings> {
  const standings = await listStandings(ctx.db, actor.organizationId, actor.userId);
  const relations = new Map(
    standings.relations.map((r) => [r.program_id, RelationSchema.parse(r.relation)]),
  );
  const coordinated = new Set(standings.coordinated);
  return {
    coordinated: standings.coordinated,
    factsOf: (programId) => ({
      relation: relations.get(programId) ?? null,
      isCoordinator: coordinated.has(programId),
    }),
  };
}

/** Whether the person may read the program now (false when it does not exist). */
export async function mayReadProgram(
  ctx: ServiceContext,
  person: PolicyPerson,
  programId: string,
): Promise<boolean> {
  const facts = await loadProgramFacts(ctx, person, programId);
  return facts !== null && can(person, 'read', { type: 'program', programId, facts });
}

/** Ids of every program the person may read now, for lists filtered by access. */
export async function readableProgramIds(
  ctx: ServiceContext,
  person: PolicyPerson,
): Promise<string[]> {
  const [ids, standings] = await Promise.all([
    listProgramIds(ctx.db),
    loadProgramStandings(ctx, person),
  ]);
  return ids.filter((programId) =>
    can(person, 'read', { type: 'program', programId, facts: standings.factsOf(programId) }),
  );
}

/** Ids of the programs on which the actor has the `invite` ability as a coordinator. */
export async function programsActorMayInviteTo(
  ctx: ServiceContext,
  actor: Actor,
): Promise<string[]> {
  const standings = await loadProgramStandings(ctx, actor);
  return standings.coordinated.filter((programId) =>
    can(actor, 'invite', { type: 'program', programId, facts: standings.factsOf(programId) }),
  );
}

/** Throws 403 unless the actor may do the workspace-wide action. */
export async function authorizeWorkspace(
  ctx: ServiceContext,
  actor: Actor,
  action: WorkspaceAction,
): Promise<void> {
  if (!can(actor, action, await workspaceResource(ctx, actor))) throw forbidden();
}

/** The 403 every refusal uses. */
export function forbidden(): AppError {
  return new AppError(403, ErrorCodes.forbidden, 'You do not have access to this.');
}

/** What a person may do with a collaborative document. */
export type DocumentAccess = 'write' | 'read' | 'forbidden' | 'missing';

/** Decides a document connection through `can()`: plans follow the program's abilities. */
export async function documentAccess(
  ctx: ServiceContext,
  actor: Actor,
  documentName: string,
): Promise<DocumentAccess> {
  const doc = parseDocumentName(documentName);
  if (!doc || doc.kind !== 'plan') return 'missing';
  const facts = await loadProgramFacts(ctx, actor, doc.id);
  if (!facts) return 'missing';
  const resource: Resource = { type: 'program', programId: doc.id, facts };
  if (can(actor, 'editPlan', resource)) return 'write';
  if (can(actor, 'read', resource)) return 'read';
  return 'forbidden';
}

/**
 * Whether the actor's organization is a delegation (lead or partner on some program; the SICA
 * Secretariat always), only an observer, or neither.
 */
export async function delegationStanding(
  ctx: ServiceContext,
  actor: Actor,
): Promise<RoundFacts['standing']> {
  if (actor.organizationKind === 'sica_secretariat') return 'delegation';
  const relations = await listOrganizationRelations(ctx.db, actor.organizationId);
  if (relations.includes('lead') || relations.includes('partner')) return 'delegation';
  return relations.includes('observer') ? 'observer' : 'none';
}

/**
 * The round resource for `can()`, or NotFoundError. A round past its closing time counts as
 * closed even before a node's timer has recorded it, so no write slips in after the hour.
 */
export async function roundResource(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<Resource & { type: 'round' }> {
  const [row, standing] = await Promise.all([
    findRoundRow(ctx.db, roundId),
    delegationStanding(ctx, actor),
  ]);
  if (!row) throw new NotFoundError('round');
  const due = row.closes_at <= ctx.now().toISOString();
  const facts: RoundFacts = {
    state: row.state === 'open' && !due ? 'open' : 'closed',
    resultsVisibility: ResultsVisibilitySchema.parse(row.results_visibility),
    isOwner: row.opened_by === actor.userId,
    standing,
  };
  return { type: 'round', roundId, facts };
}

/**
 * Throws unless the actor may do the action on the round: 404 when it does not exist, 409
 * when the round is closed (a write to the record), 403 otherwise.
 */
export async function authorizeRound(
  ctx: ServiceContext,
  actor: Actor,
  action: RoundAction,
  roundId: string,
): Promise<Resource & { type: 'round' }> {
  const resource = await roundResource(ctx, actor, roundId);
  if (can(actor, action, resource)) return resource;
  if (roundDenialReason(action, actor.role, resource.facts) === 'round_closed')
    throw new AppError(409, ErrorCodes.conflict, 'This round is closed; it is read-only.');
  throw forbidden();
}
