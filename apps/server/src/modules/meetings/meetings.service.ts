import {
  CreateMeetingInputSchema,
  ErrorCodes,
  OrganizationKindSchema,
  RoleSchema,
  meetingAbilities,
  type AgendaItemInput,
  type Meeting,
  type MeetingChanged,
  type MeetingOptions,
  type MeetingParticipant,
  type MeetingSummary,
  type SaveMeetingRolesInput,
} from '@mesa/shared';
import type { Insertable, Kysely } from 'kysely';
import type { Actor } from '../../authz/actor.js';
import {
  can,
  forbidden,
  loadProgramFacts,
  meetingResource,
  workspaceResource,
  type PolicyPerson,
} from '../../authz/index.js';
import type { AgendaItemsTable, Database } from '../../db/schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
  cancelMeetingRow,
  chairsAnyMeeting,
  claimAgendaRevision,
  existingProgramIds,
  findMeetingRow,
  insertMeeting,
  listActivePeople,
  listAgendaRows,
  listAllOrganizationIds,
  listCoordinatorIds,
  listMeetingOrganizationRows,
  listMeetingProgramIds,
  listMeetingRoleRows,
  listMeetingRows,
  listSecretariatIds,
  organizationsByIds,
  peopleByIds,
  policyPeopleByIds,
  replaceMeetingOrganizations,
  replaceMeetingPrograms,
  removeCoChair,
  replaceMeetingRoles,
  touchMeeting,
  updateMeetingRow,
  writeAgenda,
  type MeetingRow,
  type PersonRow,
} from './meetings.repository.js';
import { presentMeeting, presentSummary } from './meetings.presenter.js';
import { listOpenActionItems } from './records.service.js';
import { organizationsOnPrograms } from '../access/index.js';

function refuse(field: string, message: string): never {
  throw new AppError(400, ErrorCodes.validation, `${field}: ${message}`, field);
}

function emitChanged(
  ctx: ServiceContext,
  meetingId: string,
  change: MeetingChanged['change'],
  actorId: string,
) {
  ctx.events.emit('meeting.changed', { meetingId, change, actorId });
}

/**
 * Tells every node to re-check open connections whose rights on the meeting changed: people of
 * organizations that no longer take part (room, minutes) and people who gained or lost the
 * chair or a role (minutes: writer or reader). Connections are the live layer's; this only
 * names who changed.
 */
function announceAccessChanges(
  ctx: ServiceContext,
  changes: { organizationsRemoved?: readonly string[]; people?: readonly string[] },
) {
  for (const organizationId of new Set(changes.organizationsRemoved ?? []))
    ctx.events.emit('access.changed', { programId: null, userId: null, organizationId });
  for (const userId of new Set(changes.people ?? []))
    ctx.events.emit('access.changed', { programId: null, userId, organizationId: null });
}

/** What is in one list and not in the other, both ways. */
function changedIds(before: readonly string[], after: readonly string[]): string[] {
  return [
    ...before.filter((id) => !after.includes(id)),
    ...after.filter((id) => !before.includes(id)),
  ];
}

/** A stored person as the policy sees them. */
function asPolicyPerson(p: PersonRow & { kind: string }): PolicyPerson {
  return {
    userId: p.id,
    organizationId: p.organization_id,
    role: RoleSchema.parse(p.role),
    organizationKind: OrganizationKindSchema.parse(p.kind),
  };
}

/** Whether the person coordinates the program and holds its `chair` ability. */
async function chairsProgram(ctx: ServiceContext, person: PolicyPerson, programId: string) {
  const facts = await loadProgramFacts(ctx, person, programId);
  return (
    facts !== null &&
    facts.isCoordinator &&
    can(person, 'chair', { type: 'program', programId, facts })
  );
}

/** Refuses unknown or repeated programs; the ids, deduplicated. */
async function checkPrograms(ctx: ServiceContext, programIds: readonly string[]) {
  const unique = [...new Set(programIds)];
  const existing = await existingProgramIds(ctx.db, unique);
  if (unique.some((id) => !existing.has(id))) refuse('programIds', 'unknown program');
  return unique;
}

/**
 * Refuses a creator or editor who may not set these programs: a plenary is the admins'; a
 * meeting of programs needs an admin or a coordinator (with `chair`) of each of them.
 */
async function checkOrganizer(ctx: ServiceContext, actor: Actor, programIds: readonly string[]) {
  if (actor.role === 'admin') return;
  if (programIds.length === 0) throw forbidden();
  for (const programId of programIds)
    if (!(await chairsProgram(ctx, actor, programId))) throw forbidden();
}

/**
 * The chair, checked: an active admin, or a coordinator (with `chair`) of one of its programs;
 * for a plenary, an admin or a role `member` person named by an admin.
 */
async function checkChair(
  ctx: ServiceContext,
  actor: Actor,
  chairId: string,
  programIds: readonly string[],
) {
  const chair = (await policyPeopleByIds(ctx.db, [chairId])).get(chairId);
  if (!chair || chair.active !== 1) refuse('chairId', 'no such active person');
  const person = asPolicyPerson(chair);
  if (person.role === 'admin') return chair;
  if (programIds.length === 0) {
    if (person.role === 'member' && actor.role === 'admin') return chair;
    refuse(
      'chairId',
      'a plenary is chaired by an administrator or a member an administrator names',
    );
  }
  for (const programId of programIds) if (await chairsProgram(ctx, person, programId)) return chair;
  refuse('chairId', 'the chair must be an administrator or a coordinator of one of its programs');
}

/** The organizations that always take part: those of its programs (and the Secretariat), or all for a plenary. */
async function defaultOrganizations(ctx: ServiceContext, programIds: readonly string[]) {
  if (programIds.length === 0) return listAllOrganizationIds(ctx.db);
  const [related, secretariat] = await Promise.all([
    organizationsOnPrograms(ctx, programIds),
    listSecretariatIds(ctx.db),
  ]);
  return [...new Set([...related, ...secretariat])];
}

/** Refuses unknown organizations; the ids, deduplicated. */
async function checkOrganizations(ctx: ServiceContext, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const known = await organizationsByIds(ctx.db, unique);
  if (unique.some((id) => !known.has(id))) refuse('organizationIds', 'unknown organization');
  return unique;
}

/** Agenda rows from the input: existing ids kept, links checked against the meeting. */
function agendaRows(
  meetingId: string,
  items: readonly AgendaItemInput[],
  x: {
    programIds: readonly string[];
    organizationIds: readonly string[];
    existingIds: Set<string>;
  },
): Insertable<AgendaItemsTable>[] {
  const seen = new Set<string>();
  return items.map((item, position) => {
    const field = `items.${position}`;
    let id = newId();
    if (item.id !== undefined) {
      if (!x.existingIds.has(item.id) || seen.has(item.id))
        refuse(`${field}.id`, 'not an item of this meeting’s agenda');
      id = item.id;
    }
    seen.add(id);
    const presenting = item.presentingOrganizationId ?? null;
    const programId = item.programId ?? null;
    if (presenting !== null && !x.organizationIds.includes(presenting))
      refuse(`${field}.presentingOrganizationId`, 'must be a participating organization');
    if (programId !== null && !x.programIds.includes(programId))
      refuse(`${field}.programId`, 'must be one of the meeting’s programs');
    return {
      id,
      meeting_id: meetingId,
      position,
      title_en: item.title.en,
      title_es: item.title.es,
      kind: item.kind,
      presenting_organization_id: presenting,
      program_id: programId,
      planned_minutes: item.plannedMinutes,
      reviews_action_items: item.reviewsActionItems ? 1 : 0,
    };
  });
}

/** The parsed create input (zod filled the defaults). */
export interface CreateMeetingData {
  title: { en: string; es: string };
  programIds: string[];
  startsAt: string;
  endsAt: string;
  location: string | null;
  callUrl: string | null;
  chairId: string;
  organizationIds?: string[] | undefined;
  amendmentDays: number;
  oneSpeakerPerDelegation: boolean;
  speakerMinutes: number | null;
  agenda: AgendaItemInput[];
}

const utc = (time: string) => new Date(time).toISOString();

/** Creates a scheduled meeting (the caller checked `createMeeting`). */
export async function createMeeting(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateMeetingData,
): Promise<Meeting> {
  const programIds = await checkPrograms(ctx, input.programIds);
  await checkOrganizer(ctx, actor, programIds);
  const chair = await checkChair(ctx, actor, input.chairId, programIds);
  const organizationIds = input.organizationIds
    ? await checkOrganizations(ctx, input.organizationIds)
    : await defaultOrganizations(ctx, programIds);
  if (!organizationIds.includes(chair.organization_id))
    refuse('organizationIds', 'must include the chair’s organization');
  const id = newId();
  const at = ctx.now().toISOString();
  const agenda = agendaRows(id, input.agenda, {
    programIds,
    organizationIds,
    existingIds: new Set(),
  });
  await ctx.db.transaction().execute(async (trx) => {
    await insertMeeting(
      trx,
      {
        id,
        title_en: input.title.en,
        title_es: input.title.es,
        starts_at: utc(input.startsAt),
        ends_at: utc(input.endsAt),
        location: input.location,
        call_url: input.callUrl,
        state: 'scheduled',
        chair_id: chair.id,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
        amendment_days: input.amendmentDays,
        one_speaker_per_delegation: input.oneSpeakerPerDelegation ? 1 : 0,
        speaker_minutes: input.speakerMinutes,
        minutes_locale: chair.locale,
        agenda_revision: 0,
        ics_sequence: 0,
        room_sequence: 0,
        current_item_id: null,
        item_started_at: null,
        queue_closed: 0,
        started_at: null,
        ended_at: null,
        amendment_ends_at: null,
        published_at: null,
        published_by: null,
        cancelled_at: null,
        published_record: null,
      },
      programIds,
      organizationIds,
    );
    await writeAgenda(trx, id, agenda);
  });
  emitChanged(ctx, id, 'details', actor.userId);
  return getMeeting(ctx, actor, id);
}

async function meetingRow(db: Kysely<Database>, id: string): Promise<MeetingRow> {
  const row = await findMeetingRow(db, id);
  if (!row) throw new NotFoundError('meeting');
  return row;
}

/** A meeting as the person sees it (the caller checked `read`). */
export async function getMeeting(
  ctx: ServiceContext,
  person: PolicyPerson,
  meetingId: string,
): Promise<Meeting> {
  const row = await meetingRow(ctx.db, meetingId);
  const [programs, organizations, roles, agenda, resource] = await Promise.all([
    listMeetingProgramIds(ctx.db, [meetingId]),
    listMeetingOrganizationRows(ctx.db, meetingId),
    listMeetingRoleRows(ctx.db, meetingId),
    listAgendaRows(ctx.db, meetingId),
    meetingResource(ctx, person, meetingId),
  ]);
  const people = await peopleByIds(ctx.db, [
    row.chair_id,
    row.created_by,
    ...roles.map((r) => r.id),
  ]);
  return presentMeeting(row, {
    programIds: programs.get(meetingId) ?? [],
    people,
    organizations,
    roles,
    agenda,
    abilities: meetingAbilities(person, resource.facts),
  });
}

/** Meetings the person may see, in the window, ordered by start; and whether they may create one. */
export async function listMeetings(
  ctx: ServiceContext,
  actor: Actor,
  filter: { from?: string | undefined; to?: string | undefined; programId?: string | undefined },
): Promise<{ data: MeetingSummary[]; canCreate: boolean }> {
  const rows = await listMeetingRows(ctx.db, {
    organizationId: actor.role === 'admin' ? null : actor.organizationId,
    ...(filter.from ? { from: utc(filter.from) } : {}),
    ...(filter.to ? { to: utc(filter.to) } : {}),
    ...(filter.programId ? { programId: filter.programId } : {}),
  });
  const ids = rows.map((r) => r.id);
  const [programs, people, workspace] = await Promise.all([
    listMeetingProgramIds(ctx.db, ids),
    peopleByIds(
      ctx.db,
      rows.map((r) => r.chair_id),
    ),
    workspaceResource(ctx, actor),
  ]);
  return {
    data: rows.map((r) => presentSummary(r, programs.get(r.id) ?? [], people)),
    canCreate: can(actor, 'createMeeting', workspace),
  };
}

/** The parsed update input (every field optional). */
export type UpdateMeetingData = Partial<Omit<CreateMeetingData, 'agenda'>>;

/**
 * Changes a meeting's details (the caller checked `edit`) and raises its calendar SEQUENCE.
 * Changing its programs needs what creating it needs; the chair is checked again.
 */
export async function updateMeeting(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: UpdateMeetingData,
): Promise<Meeting> {
  const row = await meetingRow(ctx.db, meetingId);
  const currentPrograms = (await listMeetingProgramIds(ctx.db, [meetingId])).get(meetingId) ?? [];
  let programIds = currentPrograms;
  if (input.programIds !== undefined) {
    programIds = await checkPrograms(ctx, input.programIds);
    const same =
      programIds.length === currentPrograms.length &&
      programIds.every((id) => currentPrograms.includes(id));
    if (!same) await checkOrganizer(ctx, actor, programIds);
  }
  const chair = await checkChair(ctx, actor, input.chairId ?? row.chair_id, programIds);
  const startsAt = utc(input.startsAt ?? row.starts_at);
  const endsAt = utc(input.endsAt ?? row.ends_at);
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (!(end > start && end - start <= 3 * 24 * 3_600_000))
    refuse('endsAt', 'The end must be after the start, at most 3 days later.');
  const current = (await listMeetingOrganizationRows(ctx.db, meetingId)).map((o) => o.id);
  const requested =
    input.organizationIds !== undefined
      ? await checkOrganizations(ctx, input.organizationIds)
      : current;
  const organizationIds = await withRequiredOrganizations(
    ctx,
    requested,
    programIds,
    chair.organization_id,
  );
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateMeetingRow(trx, meetingId, {
      ...(input.title ? { title_en: input.title.en, title_es: input.title.es } : {}),
      starts_at: startsAt,
      ends_at: endsAt,
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.callUrl !== undefined ? { call_url: input.callUrl } : {}),
      ...(input.amendmentDays !== undefined ? { amendment_days: input.amendmentDays } : {}),
      ...(input.oneSpeakerPerDelegation !== undefined
        ? { one_speaker_per_delegation: input.oneSpeakerPerDelegation ? 1 : 0 }
        : {}),
      ...(input.speakerMinutes !== undefined ? { speaker_minutes: input.speakerMinutes } : {}),
      chair_id: chair.id,
      updated_at: at,
    });
    if (programIds !== currentPrograms) await replaceMeetingPrograms(trx, meetingId, programIds);
    await replaceMeetingOrganizations(trx, meetingId, organizationIds);
    // The chair is not also a co-chair.
    if (chair.id !== row.chair_id) await removeCoChair(trx, meetingId, chair.id);
  });
  emitChanged(ctx, meetingId, 'details', actor.userId);
  announceAccessChanges(ctx, {
    organizationsRemoved: current.filter((id) => !organizationIds.includes(id)),
    people: chair.id !== row.chair_id ? [row.chair_id, chair.id] : [],
  });
  return getMeeting(ctx, actor, meetingId);
}

/** The requested organizations plus those that always stay: its programs' and the chair's. */
async function withRequiredOrganizations(
  ctx: ServiceContext,
  requested: readonly string[],
  programIds: readonly string[],
  chairOrganizationId: string,
) {
  const programOrganizations = await organizationsOnPrograms(ctx, programIds);
  return [...new Set([...requested, ...programOrganizations, chairOrganizationId])];
}

/** Cancels a scheduled meeting (the caller checked `cancel`); its SEQUENCE rises. */
export async function cancelMeeting(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
): Promise<Meeting> {
  const done = await cancelMeetingRow(ctx.db, meetingId, ctx.now().toISOString());
  if (!done)
    throw new AppError(409, ErrorCodes.conflict, 'Only a scheduled meeting can be cancelled.');
  emitChanged(ctx, meetingId, 'state', actor.userId);
  return getMeeting(ctx, actor, meetingId);
}

/** What an agenda save answers: the meeting, or the current one when the save was stale. */
export type SaveAgendaResult = { ok: true; meeting: Meeting } | { ok: false; current: Meeting };

/** Saves the whole agenda if it is still at `revision` (the caller checked `edit`). */
export async function saveAgenda(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: { revision: number; items: AgendaItemInput[] },
): Promise<SaveAgendaResult> {
  const [programs, organizations, current] = await Promise.all([
    listMeetingProgramIds(ctx.db, [meetingId]),
    listMeetingOrganizationRows(ctx.db, meetingId),
    listAgendaRows(ctx.db, meetingId),
  ]);
  const rows = agendaRows(meetingId, input.items, {
    programIds: programs.get(meetingId) ?? [],
    organizationIds: organizations.map((o) => o.id),
    existingIds: new Set(current.map((i) => i.id)),
  });
  const at = ctx.now().toISOString();
  const saved = await ctx.db.transaction().execute(async (trx) => {
    if (!(await claimAgendaRevision(trx, meetingId, input.revision, at))) return false;
    await writeAgenda(trx, meetingId, rows);
    return true;
  });
  const meeting = await getMeeting(ctx, actor, meetingId);
  if (!saved) return { ok: false, current: meeting };
  emitChanged(ctx, meetingId, 'agenda', actor.userId);
  return { ok: true, meeting };
}

/**
 * Names co-chairs and rapporteurs (the caller checked `nameRoles`): active role `member`
 * people of participating organizations; the chair is not also a co-chair.
 */
export async function saveRoles(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: SaveMeetingRolesInput,
): Promise<Meeting> {
  const row = await meetingRow(ctx.db, meetingId);
  const organizations = new Set(
    (await listMeetingOrganizationRows(ctx.db, meetingId)).map((o) => o.id),
  );
  const coChairs = [...new Set(input.coChairIds)];
  const rapporteurs = [...new Set(input.rapporteurIds)];
  const people = await peopleByIds(ctx.db, [...coChairs, ...rapporteurs]);
  const check = (field: string, ids: string[]) => {
    for (const id of ids) {
      const p = people.get(id);
      if (!p || p.active !== 1 || p.role !== 'member' || !organizations.has(p.organization_id))
        refuse(
          field,
          'each must be an active member (not a viewer) of a participating organization',
        );
    }
  };
  check('coChairIds', coChairs);
  check('rapporteurIds', rapporteurs);
  if (coChairs.includes(row.chair_id)) refuse('coChairIds', 'the chair cannot also be a co-chair');
  const before = (await listMeetingRoleRows(ctx.db, meetingId)).map((r) => `${r.role}:${r.id}`);
  const after = [
    ...coChairs.map((id) => `co_chair:${id}`),
    ...rapporteurs.map((id) => `rapporteur:${id}`),
  ];
  await ctx.db.transaction().execute(async (trx) => {
    await replaceMeetingRoles(trx, meetingId, [
      ...coChairs.map((user_id) => ({ user_id, role: 'co_chair' as const })),
      ...rapporteurs.map((user_id) => ({ user_id, role: 'rapporteur' as const })),
    ]);
    await touchMeeting(trx, meetingId, ctx.now().toISOString());
  });
  emitChanged(ctx, meetingId, 'roles', actor.userId);
  announceAccessChanges(ctx, {
    people: changedIds(before, after).map((key) => key.slice(key.indexOf(':') + 1)),
  });
  return getMeeting(ctx, actor, meetingId);
}

/**
 * Sets the participating organizations (the caller checked `edit`); those of its programs and
 * the chair's always stay. Raises the SEQUENCE (who receives it in their calendar changed).
 */
export async function saveOrganizations(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
  organizationIds: readonly string[],
): Promise<Meeting> {
  const row = await meetingRow(ctx.db, meetingId);
  const requested = await checkOrganizations(ctx, organizationIds);
  const programIds = (await listMeetingProgramIds(ctx.db, [meetingId])).get(meetingId) ?? [];
  const chair = (await peopleByIds(ctx.db, [row.chair_id])).get(row.chair_id);
  const ids = await withRequiredOrganizations(
    ctx,
    requested,
    programIds,
    chair?.organization_id ?? '',
  );
  const current = (await listMeetingOrganizationRows(ctx.db, meetingId)).map((o) => o.id);
  await ctx.db.transaction().execute(async (trx) => {
    await replaceMeetingOrganizations(
      trx,
      meetingId,
      ids.filter((id) => id !== ''),
    );
    await updateMeetingRow(trx, meetingId, { updated_at: ctx.now().toISOString() });
  });
  emitChanged(ctx, meetingId, 'details', actor.userId);
  announceAccessChanges(ctx, { organizationsRemoved: current.filter((id) => !ids.includes(id)) });
  return getMeeting(ctx, actor, meetingId);
}

function presentParticipant(p: PersonRow): MeetingParticipant {
  return {
    id: p.id,
    name: p.name,
    organizationId: p.organization_id,
    role: RoleSchema.parse(p.role),
  };
}

/** Active people of the participating organizations with their roles (the caller checked `read`). */
export async function listParticipants(
  ctx: ServiceContext,
  meetingId: string,
): Promise<MeetingParticipant[]> {
  const organizations = (await listMeetingOrganizationRows(ctx.db, meetingId)).map((o) => o.id);
  const people = await listActivePeople(ctx.db, { organizationIds: organizations });
  return people.map(presentParticipant);
}

/**
 * What the meeting form offers for these programs (the caller checked `createMeeting`): who
 * may chair, the organizations taking part by default, and the programs' open action items
 * from meetings the reader sees.
 */
export async function meetingOptions(
  ctx: ServiceContext,
  actor: Actor,
  requestedProgramIds: readonly string[],
): Promise<MeetingOptions> {
  const programIds = await checkPrograms(ctx, requestedProgramIds);
  const admins = await listActivePeople(ctx.db, { roles: ['admin'] });
  let chairs: PersonRow[] = admins;
  if (programIds.length === 0) {
    if (actor.role === 'admin')
      chairs = await listActivePeople(ctx.db, { roles: ['admin', 'member'] });
  } else {
    const coordinatorIds = await listCoordinatorIds(ctx.db, programIds);
    const candidates = await policyPeopleByIds(ctx.db, coordinatorIds);
    const eligible: PersonRow[] = [];
    for (const person of candidates.values()) {
      if (person.active !== 1 || person.role === 'admin') continue;
      const policy = asPolicyPerson(person);
      for (const programId of programIds)
        if (await chairsProgram(ctx, policy, programId)) {
          eligible.push(person);
          break;
        }
    }
    chairs = [...admins, ...eligible].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
  }
  const organizationIds = await defaultOrganizations(ctx, programIds);
  const organizations = await organizationsByIds(ctx.db, organizationIds);
  return {
    chairs: chairs.map(presentParticipant),
    organizations: [...organizations.values()]
      .sort((a, b) => a.name_en.localeCompare(b.name_en))
      .map((o) => ({ id: o.id, name: { en: o.name_en, es: o.name_es } })),
    openActionItems: await listOpenActionItems(ctx, actor, programIds, null),
  };
}

/**
 * Creates the demo's meeting (`pnpm demo`): chaired by the demo coordinator, about their
 * program, starting at the next full hour, with a short agenda — once: a coordinator who
 * already chairs a meeting gets none more, so running the demo twice adds nothing.
 */
export async function ensureDemoMeeting(
  ctx: ServiceContext,
  chair: Actor,
  programId: string,
): Promise<void> {
  if (await chairsAnyMeeting(ctx.db, chair.userId)) return;
  const hour = 3_600_000;
  const start = Math.ceil(ctx.now().getTime() / hour) * hour;
  const item = (en: string, es: string, kind: string, plannedMinutes: number) => ({
    title: { en, es },
    kind,
    plannedMinutes,
  });
  const input = CreateMeetingInputSchema.parse({
    title: { en: 'Demo: coordination meeting', es: 'Demo: reunión de coordinación' },
    programIds: [programId],
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * hour).toISOString(),
    location: 'Video call',
    chairId: chair.userId,
    agenda: [
      item('Opening and agenda', 'Apertura y orden del día', 'information', 5),
      item('Progress of the plan', 'Avance del plan', 'discussion', 30),
      item('Budget for next year', 'Presupuesto del próximo año', 'decision', 20),
    ],
  });
  await createMeeting(ctx, chair, input);
}
