import {
  ErrorCodes,
  MeetingStateSchema,
  meetingAbilities,
  type MeetingFacts,
  RelationSchema,
  ResultsVisibilitySchema,
  type CommitmentFacts,
  parseDocumentName,
  roundDenialReason,
  type ProgramFacts,
  type RoundFacts,
} from '@mesa/shared';
import type { ServiceContext } from '../lib/context.js';
import { AppError, NotFoundError } from '../lib/errors.js';
import {
  findCommitmentStanding,
  findMeetingStanding,
  findMeetingStandings,
  findProgramStanding,
  findRoundRow,
  listOrganizationRelations,
  listProgramIds,
  listStandings,
} from './standings.repository.js';
import type { Actor } from './actor.js';
import {
  can,
  type CommitmentAction,
  type MeetingAction,
  type ProgramAction,
  type Resource,
  type RoundAction,
  type WorkspaceAction,
} from './can.js';

export {
  can,
  type Actor,
  type CommitmentAction,
  type MeetingAction,
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

/**
 * Decides a document connection through `can()`: a plan follows its program's abilities, a
 * meeting's minutes the meeting's (`editMinutes` writes, `read` follows; none before it starts).
 */
export async function documentAccess(
  ctx: ServiceContext,
  actor: Actor,
  documentName: string,
): Promise<DocumentAccess> {
  const doc = parseDocumentName(documentName);
  if (!doc) return 'missing';
  if (doc.kind === 'minutes') return minutesAccess(ctx, actor, doc.id);
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

/**
 * The person's standing on a meeting, or null when it does not exist. `coordinatesProgram`
 * asks `can(chair)` on each of the meeting's programs, so the program table decides it.
 */
export async function loadMeetingFacts(
  ctx: ServiceContext,
  person: PolicyPerson,
  meetingId: string,
): Promise<MeetingFacts | null> {
  const standing = await findMeetingStanding(
    ctx.db,
    meetingId,
    person.organizationId,
    person.userId,
  );
  if (!standing) return null;
  let coordinatesProgram = false;
  for (const programId of standing.programIds) {
    const facts = await loadProgramFacts(ctx, person, programId);
    if (
      facts &&
      facts.isCoordinator &&
      can(person, 'chair', { type: 'program', programId, facts })
    ) {
      coordinatesProgram = true;
      break;
    }
  }
  return meetingFactsOf(ctx, { ...standing, coordinatesProgram }, person.userId);
}

/** The facts of person `userId` on a meeting, from their standing on it. */
function meetingFactsOf(
  ctx: ServiceContext,
  standing: {
    state: string;
    participates: boolean;
    chairId: string | null;
    roles: readonly string[];
    amendmentEndsAt: string | null;
    coordinatesProgram: boolean;
  },
  userId: string,
): MeetingFacts {
  const state = MeetingStateSchema.parse(standing.state);
  return {
    state,
    participates: standing.participates,
    isChair: standing.chairId === userId,
    isCoChair: standing.roles.includes('co_chair'),
    isRapporteur: standing.roles.includes('rapporteur'),
    coordinatesProgram: standing.coordinatesProgram,
    amendmentOpen:
      state === 'ended' &&
      standing.amendmentEndsAt !== null &&
      standing.amendmentEndsAt > ctx.now().toISOString(),
  };
}

/**
 * Whether each of these people may read the meeting now (all false when it does not exist):
 * the same `can(read)` as mayReadMeeting, over standings loaded for everyone at once (a fixed
 * number of queries, not some per person).
 */
export async function mayReadMeetingAll(
  ctx: ServiceContext,
  people: readonly PolicyPerson[],
  meetingId: string,
): Promise<boolean[]> {
  const standings = people.length === 0 ? undefined : await findMeetingStandings(ctx.db, meetingId);
  if (!standings) return people.map(() => false);
  const participating = new Set(standings.organizationIds);
  const relations = new Map(
    standings.relations.map((r) => [`${r.program_id} ${r.organization_id}`, r.relation]),
  );
  const coordinators = new Set(standings.coordinators.map((c) => `${c.program_id} ${c.user_id}`));
  return people.map((person) => {
    const coordinatesProgram = standings.programIds.some((programId) => {
      const relation = relations.get(`${programId} ${person.organizationId}`);
      const facts: ProgramFacts = {
        relation: relation === undefined ? null : RelationSchema.parse(relation),
        isCoordinator: coordinators.has(`${programId} ${person.userId}`),
      };
      return facts.isCoordinator && can(person, 'chair', { type: 'program', programId, facts });
    });
    const roles = standings.roles.filter((r) => r.user_id === person.userId).map((r) => r.role);
    const facts = meetingFactsOf(
      ctx,
      {
        ...standings,
        participates: participating.has(person.organizationId),
        roles,
        coordinatesProgram,
      },
      person.userId,
    );
    return can(person, 'read', { type: 'meeting', meetingId, facts });
  });
}

/** The meeting resource for `can()`, or NotFoundError. */
export async function meetingResource(
  ctx: ServiceContext,
  person: PolicyPerson,
  meetingId: string,
): Promise<Resource & { type: 'meeting' }> {
  const facts = await loadMeetingFacts(ctx, person, meetingId);
  if (!facts) throw new NotFoundError('meeting');
  return { type: 'meeting', meetingId, facts };
}

/** Whether the person may read the meeting now (false when it does not exist). */
export async function mayReadMeeting(
  ctx: ServiceContext,
  person: PolicyPerson,
  meetingId: string,
): Promise<boolean> {
  const facts = await loadMeetingFacts(ctx, person, meetingId);
  return facts !== null && can(person, 'read', { type: 'meeting', meetingId, facts });
}

/**
 * Throws unless the actor may do the action on the meeting: 404 when it does not exist, 403
 * when the person may not see it or does not hold the action, 409 when they hold it but the
 * meeting's stage refuses it (not started, ended, published, cancelled).
 */
export async function authorizeMeeting(
  ctx: ServiceContext,
  actor: PolicyPerson,
  action: MeetingAction,
  meetingId: string,
): Promise<Resource & { type: 'meeting' }> {
  const resource = await meetingResource(ctx, actor, meetingId);
  if (can(actor, action, resource)) return resource;
  const reason = meetingAbilities(actor, resource.facts).denied[action];
  if (reason === 'meeting_stage') throw meetingStageConflict(resource.facts.state);
  throw forbidden();
}

/** The 409 a write gets when the meeting's stage refuses it. */
export function meetingStageConflict(state: MeetingFacts['state']): AppError {
  const messages: Record<MeetingFacts['state'], string> = {
    scheduled: 'This meeting has not started yet.',
    live: 'This meeting is live; this is possible only before it starts or after it ends.',
    ended: 'This meeting has ended.',
    published: "This meeting's record is published and frozen; add an addendum instead.",
    cancelled: 'This meeting was cancelled.',
  };
  return new AppError(409, ErrorCodes.conflict, messages[state]);
}

async function minutesAccess(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
): Promise<DocumentAccess> {
  const facts = await loadMeetingFacts(ctx, actor, meetingId);
  if (!facts || facts.state === 'scheduled' || facts.state === 'cancelled') return 'missing';
  const resource: Resource = { type: 'meeting', meetingId, facts };
  if (can(actor, 'editMinutes', resource)) return 'write';
  if (can(actor, 'read', resource)) return 'read';
  return 'forbidden';
}

/** Who a commitment record belongs to (or would belong to, for one being recorded). */
export interface CommitmentOwnership {
  /** Null for a strategy-wide record. */
  programId: string | null;
  donorOrganizationId: string;
  receivingOrganizationId: string | null;
}

/**
 * The person's standing on a commitment record described by its ownership: their facts on its
 * program (NotFoundError when the program does not exist), whether their organization is the
 * donor or the receiver.
 */
export async function commitmentResourceFor(
  ctx: ServiceContext,
  person: PolicyPerson,
  ownership: CommitmentOwnership,
  recordId: string | null = null,
): Promise<Resource & { type: 'commitment' }> {
  let program: ProgramFacts | null = null;
  if (ownership.programId !== null) {
    program = await loadProgramFacts(ctx, person, ownership.programId);
    if (!program) throw new NotFoundError('program');
  }
  const facts: CommitmentFacts = {
    program,
    donorIsOwn: ownership.donorOrganizationId === person.organizationId,
    receiverIsOwn: ownership.receivingOrganizationId === person.organizationId,
  };
  return { type: 'commitment', recordId, facts };
}

/** The commitment record resource for `can()`: NotFoundError when missing or deleted. */
export async function commitmentResource(
  ctx: ServiceContext,
  person: PolicyPerson,
  recordId: string,
): Promise<Resource & { type: 'commitment' }> {
  const ownership = await findCommitmentStanding(ctx.db, recordId);
  if (!ownership) throw new NotFoundError('commitment record');
  return commitmentResourceFor(ctx, person, ownership, recordId);
}

/**
 * Throws unless the person may do the action on the record: 404 when it does not exist, 403
 * when they may not (a person who may not read it gets 403 for every action, like a program).
 */
export async function authorizeCommitment(
  ctx: ServiceContext,
  actor: PolicyPerson,
  action: CommitmentAction,
  recordId: string,
): Promise<Resource & { type: 'commitment' }> {
  const resource = await commitmentResource(ctx, actor, recordId);
  if (!can(actor, action, resource)) throw forbidden();
  return resource;
}

/**
 * Throws 403 unless the person may record a commitment with this ownership (404 when its
 * program does not exist): `edit` on the record it would be.
 */
export async function authorizeNewCommitment(
  ctx: ServiceContext,
  actor: PolicyPerson,
  ownership: CommitmentOwnership,
): Promise<void> {
  const resource = await commitmentResourceFor(ctx, actor, ownership);
  if (!can(actor, 'edit', resource)) throw forbidden();
}
