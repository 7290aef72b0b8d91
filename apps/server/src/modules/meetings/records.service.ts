import {
  ErrorCodes,
  actionItemAbilities,
  meetingAbilities,
  type ActionItem,
  type ActionItemInput,
  type ActionItemStatus,
  type Decision,
  type DecisionInput,
  type MeetingRecords,
} from '@mesa/shared';
import {
  authorizeMeeting,
  forbidden,
  loadMeetingFacts,
  type PolicyPerson,
} from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
  agendaItemBelongs,
  deleteDecision,
  findActionItemRow,
  findDecisionRow,
  findMeetingRow,
  insertActionItem,
  insertDecision,
  listActionItemRows,
  listDecisionRows,
  listMeetingProgramIds,
  listOpenActionItemRows,
  listProgramMeetingIds,
  meetingTitles,
  organizationParticipates,
  organizationsByIds,
  peopleByIds,
  readableMeetingIds,
  updateActionItem,
  updateDecision,
  type ActionItemRow,
  type DecisionRow,
} from './meetings.repository.js';
import { presentActionItem, presentDecision } from './meetings.presenter.js';

function refuse(field: string, message: string): never {
  throw new AppError(400, ErrorCodes.validation, `${field}: ${message}`, field);
}

/** Today's date in UTC (YYYY-MM-DD): an item is overdue after its due day. */
function today(ctx: ServiceContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

/** The person's meeting flags (with isChair) per meeting, for action item abilities. */
async function meetingStandings(ctx: ServiceContext, person: PolicyPerson, ids: string[]) {
  const map = new Map<string, Parameters<typeof actionItemAbilities>[1]['meeting']>();
  for (const id of new Set(ids)) {
    const facts = await loadMeetingFacts(ctx, person, id);
    if (!facts) continue;
    const { denied: _denied, ...flags } = meetingAbilities(person, facts);
    map.set(id, { ...flags, isChair: facts.isChair });
  }
  return map;
}

/** Presents decisions and action items for one reader. */
async function presentRecords(
  ctx: ServiceContext,
  person: PolicyPerson,
  decisions: DecisionRow[],
  items: ActionItemRow[],
): Promise<MeetingRecords> {
  const personIds = [
    ...decisions.map((d) => d.recorded_by),
    ...items.flatMap((i) => [
      i.created_by,
      ...(i.owner_user_id ? [i.owner_user_id] : []),
      ...(i.status_changed_by ? [i.status_changed_by] : []),
    ]),
  ];
  const [people, organizations, standings] = await Promise.all([
    peopleByIds(ctx.db, personIds),
    organizationsByIds(
      ctx.db,
      items.map((i) => i.owner_organization_id),
    ),
    meetingStandings(
      ctx,
      person,
      items.map((i) => i.meeting_id),
    ),
  ]);
  const day = today(ctx);
  return {
    decisions: decisions.map((d) => presentDecision(d, people)),
    actionItems: items.map((i) => {
      const meeting = standings.get(i.meeting_id);
      const abilities = meeting
        ? actionItemAbilities(person, {
            meeting,
            isOwner: i.owner_user_id === person.userId,
            inOwnerOrganization: i.owner_organization_id === person.organizationId,
          })
        : { updateStatus: false, edit: false };
      return presentActionItem(i, { people, organizations, today: day, abilities });
    }),
  };
}

/**
 * A meeting's decisions and action items as the person sees them (the caller checked `read`;
 * the minutes' publishing freezes this list into the record).
 */
export async function listMeetingRecords(
  ctx: ServiceContext,
  person: PolicyPerson,
  meetingId: string,
): Promise<MeetingRecords> {
  const [decisions, items] = await Promise.all([
    listDecisionRows(ctx.db, [meetingId]),
    listActionItemRows(ctx.db, [meetingId]),
  ]);
  return presentRecords(ctx, person, decisions, items);
}

/** Refuses an agenda item of another meeting, or a program the meeting is not about. */
async function checkLinks(
  ctx: ServiceContext,
  meetingId: string,
  input: { agendaItemId: string | null; programId: string | null },
) {
  if (input.agendaItemId && !(await agendaItemBelongs(ctx.db, meetingId, input.agendaItemId)))
    refuse('agendaItemId', 'not an item of this meeting’s agenda');
  if (input.programId) {
    const programs = (await listMeetingProgramIds(ctx.db, [meetingId])).get(meetingId) ?? [];
    if (!programs.includes(input.programId))
      refuse('programId', 'not one of the meeting’s programs');
  }
}

async function presentOneDecision(ctx: ServiceContext, row: DecisionRow): Promise<Decision> {
  return presentDecision(row, await peopleByIds(ctx.db, [row.recorded_by]));
}

function changed(ctx: ServiceContext, meetingId: string, actorId: string) {
  ctx.events.emit('meeting.changed', { meetingId, change: 'records', actorId });
}

/** Records a decision (the caller checked `record`). */
export async function recordDecision(
  ctx: ServiceContext,
  person: PolicyPerson,
  meetingId: string,
  input: ReturnType<typeof normalizeDecision>,
): Promise<Decision> {
  await checkLinks(ctx, meetingId, input);
  const at = ctx.now().toISOString();
  const row: DecisionRow = {
    id: newId(),
    meeting_id: meetingId,
    agenda_item_id: input.agendaItemId,
    program_id: input.programId,
    text_en: input.text.en,
    text_es: input.text.es,
    recorded_by: person.userId,
    recorded_at: at,
    updated_at: at,
  };
  await insertDecision(ctx.db, row);
  changed(ctx, meetingId, person.userId);
  return presentOneDecision(ctx, row);
}

/** The parsed decision input with its defaults. */
export function normalizeDecision(input: DecisionInput) {
  return {
    agendaItemId: input.agendaItemId ?? null,
    programId: input.programId ?? null,
    text: { en: input.text.en ?? '', es: input.text.es ?? '' },
  };
}

/** Changes a decision (the caller checked `record`). */
export async function editDecision(
  ctx: ServiceContext,
  person: PolicyPerson,
  meetingId: string,
  decisionId: string,
  input: ReturnType<typeof normalizeDecision>,
): Promise<Decision> {
  const row = await findDecisionRow(ctx.db, meetingId, decisionId);
  if (!row) throw new NotFoundError('decision');
  await checkLinks(ctx, meetingId, input);
  const at = ctx.now().toISOString();
  const changes = {
    agenda_item_id: input.agendaItemId,
    program_id: input.programId,
    text_en: input.text.en,
    text_es: input.text.es,
    updated_at: at,
  };
  await updateDecision(ctx.db, decisionId, changes);
  changed(ctx, meetingId, person.userId);
  return presentOneDecision(ctx, { ...row, ...changes });
}

/** Removes a decision (the caller checked `record`). */
export async function removeDecision(
  ctx: ServiceContext,
  person: PolicyPerson,
  meetingId: string,
  decisionId: string,
): Promise<void> {
  const row = await findDecisionRow(ctx.db, meetingId, decisionId);
  if (!row) throw new NotFoundError('decision');
  await deleteDecision(ctx.db, decisionId);
  changed(ctx, meetingId, person.userId);
}

/** The parsed action item input with its defaults. */
export function normalizeActionItem(input: ActionItemInput) {
  return {
    ...normalizeDecision(input),
    ownerOrganizationId: input.ownerOrganizationId,
    ownerUserId: input.ownerUserId ?? null,
    dueDate: input.dueDate,
  };
}

/** Refuses an owner organization that does not take part, or an owner of another organization. */
async function checkOwner(
  ctx: ServiceContext,
  meetingId: string,
  input: { ownerOrganizationId: string; ownerUserId: string | null },
) {
  if (!(await organizationParticipates(ctx.db, meetingId, input.ownerOrganizationId)))
    refuse('ownerOrganizationId', 'must be a participating organization');
  if (input.ownerUserId) {
    const owner = (await peopleByIds(ctx.db, [input.ownerUserId])).get(input.ownerUserId);
    if (!owner || owner.active !== 1 || owner.organization_id !== input.ownerOrganizationId)
      refuse('ownerUserId', 'must be an active person of the owner organization');
  }
}

async function presentOneActionItem(
  ctx: ServiceContext,
  person: PolicyPerson,
  row: ActionItemRow,
): Promise<ActionItem> {
  return (await presentRecords(ctx, person, [], [row])).actionItems[0]!;
}

/** Records an action item (the caller checked `record`); its owner is told. */
export async function recordActionItem(
  ctx: ServiceContext,
  person: PolicyPerson,
  meetingId: string,
  input: ReturnType<typeof normalizeActionItem>,
): Promise<ActionItem> {
  await checkLinks(ctx, meetingId, input);
  await checkOwner(ctx, meetingId, input);
  const at = ctx.now().toISOString();
  const row: ActionItemRow = {
    id: newId(),
    meeting_id: meetingId,
    agenda_item_id: input.agendaItemId,
    program_id: input.programId,
    text_en: input.text.en,
    text_es: input.text.es,
    owner_organization_id: input.ownerOrganizationId,
    owner_user_id: input.ownerUserId,
    due_date: input.dueDate,
    status: 'open',
    created_by: person.userId,
    created_at: at,
    updated_at: at,
    status_changed_by: null,
    status_changed_at: null,
  };
  await insertActionItem(ctx.db, row);
  changed(ctx, meetingId, person.userId);
  ctx.events.emit('actionItem.assigned', {
    actionItemId: row.id,
    meetingId,
    actorId: person.userId,
    ownerOrganizationId: row.owner_organization_id,
    ownerUserId: row.owner_user_id,
  });
  return presentOneActionItem(ctx, person, row);
}

/** The item and the person's abilities on it: 404 when missing, 403 when its meeting is closed to them. */
async function actionItemFor(ctx: ServiceContext, person: PolicyPerson, id: string) {
  const row = await findActionItemRow(ctx.db, id);
  if (!row) throw new NotFoundError('action item');
  await authorizeMeeting(ctx, person, 'read', row.meeting_id);
  const item = await presentOneActionItem(ctx, person, row);
  return { row, item };
}

/**
 * The guard of an action item's routes, before the body is read: 404 when it does not exist,
 * 403 when its meeting is closed to the person or they do not hold the ability on it.
 */
export async function authorizeActionItem(
  ctx: ServiceContext,
  person: PolicyPerson,
  id: string,
  action: keyof ActionItem['abilities'],
): Promise<void> {
  const { item } = await actionItemFor(ctx, person, id);
  if (!item.abilities[action]) throw forbidden();
}

function beforeOf(row: ActionItemRow): string {
  return JSON.stringify({
    text: { en: row.text_en, es: row.text_es },
    agendaItemId: row.agenda_item_id,
    programId: row.program_id,
    ownerOrganizationId: row.owner_organization_id,
    ownerUserId: row.owner_user_id,
    dueDate: row.due_date,
    status: row.status,
  });
}

/** Changes an action item's text, owner or due date (officers until published; admins). */
export async function editActionItem(
  ctx: ServiceContext,
  person: PolicyPerson,
  id: string,
  input: ReturnType<typeof normalizeActionItem>,
): Promise<ActionItem> {
  const { row, item } = await actionItemFor(ctx, person, id);
  if (!item.abilities.edit) throw forbidden();
  await checkLinks(ctx, row.meeting_id, input);
  await checkOwner(ctx, row.meeting_id, input);
  const at = ctx.now().toISOString();
  const changes = {
    agenda_item_id: input.agendaItemId,
    program_id: input.programId,
    text_en: input.text.en,
    text_es: input.text.es,
    owner_organization_id: input.ownerOrganizationId,
    owner_user_id: input.ownerUserId,
    due_date: input.dueDate,
    updated_at: at,
  };
  await ctx.db.transaction().execute((trx) =>
    updateActionItem(trx, id, changes, {
      id: newId(),
      changed_by: person.userId,
      changed_at: at,
      before: beforeOf(row),
    }),
  );
  changed(ctx, row.meeting_id, person.userId);
  const ownerChanged =
    row.owner_organization_id !== input.ownerOrganizationId ||
    row.owner_user_id !== input.ownerUserId;
  if (ownerChanged)
    ctx.events.emit('actionItem.assigned', {
      actionItemId: id,
      meetingId: row.meeting_id,
      actorId: person.userId,
      ownerOrganizationId: input.ownerOrganizationId,
      ownerUserId: input.ownerUserId,
    });
  return presentOneActionItem(ctx, person, { ...row, ...changes });
}

/** Changes an action item's status (owner, owner organization, chair, admins — after publishing too). */
export async function setActionItemStatus(
  ctx: ServiceContext,
  person: PolicyPerson,
  id: string,
  status: ActionItemStatus,
): Promise<ActionItem> {
  const { row, item } = await actionItemFor(ctx, person, id);
  if (!item.abilities.updateStatus) throw forbidden();
  if (row.status === status) return item;
  const at = ctx.now().toISOString();
  const changes = {
    status,
    status_changed_by: person.userId,
    status_changed_at: at,
    updated_at: at,
  };
  await ctx.db.transaction().execute((trx) =>
    updateActionItem(trx, id, changes, {
      id: newId(),
      changed_by: person.userId,
      changed_at: at,
      before: beforeOf(row),
    }),
  );
  changed(ctx, row.meeting_id, person.userId);
  return presentOneActionItem(ctx, person, { ...row, ...changes });
}

/** Whether the person is an admin (reads every meeting): their filter is none. */
function readerOrganization(person: PolicyPerson): string | null {
  return person.role === 'admin' ? null : person.organizationId;
}

/**
 * Decisions and action items of a program's meetings, only of meetings the person may see,
 * each with its meeting's title (the caller checked `read` on the program).
 */
export async function listProgramMeetingRecords(
  ctx: ServiceContext,
  person: PolicyPerson,
  programId: string,
) {
  const ids = await listProgramMeetingIds(ctx.db, programId);
  const readable = [...(await readableMeetingIds(ctx.db, readerOrganization(person), ids))];
  const [decisions, items, titles] = await Promise.all([
    listDecisionRows(ctx.db, readable),
    listActionItemRows(ctx.db, readable),
    meetingTitles(ctx.db, readable),
  ]);
  const mine = (r: { program_id: string | null }) =>
    r.program_id === null || r.program_id === programId;
  const records = await presentRecords(ctx, person, decisions.filter(mine), items.filter(mine));
  const title = (id: string) => titles.get(id) ?? { en: '', es: '' };
  return {
    decisions: records.decisions.map((d) => ({ ...d, meetingTitle: title(d.meetingId) })),
    actionItems: records.actionItems.map((a) => ({ ...a, meetingTitle: title(a.meetingId) })),
  };
}

/**
 * Open action items of the given programs from meetings the person may see — for a meeting's
 * review item, only meetings that started before it — oldest due first, with their meeting's
 * title.
 */
export async function listOpenActionItems(
  ctx: ServiceContext,
  person: PolicyPerson,
  programIds: readonly string[],
  earlierThan: { meetingId: string; startsAt: string } | null,
) {
  const rows = await listOpenActionItemRows(ctx.db, programIds, earlierThan);
  const readable = await readableMeetingIds(
    ctx.db,
    readerOrganization(person),
    rows.map((r) => r.meeting_id),
  );
  const visible = rows.filter((r) => readable.has(r.meeting_id));
  const titles = await meetingTitles(
    ctx.db,
    visible.map((r) => r.meeting_id),
  );
  const records = await presentRecords(ctx, person, [], visible);
  return records.actionItems.map((a) => ({
    ...a,
    meetingTitle: titles.get(a.meetingId) ?? { en: '', es: '' },
  }));
}

/** The review item of a meeting: open action items of its programs from earlier meetings. */
export async function listReviewItems(
  ctx: ServiceContext,
  person: PolicyPerson,
  meetingId: string,
) {
  const [programs, meeting] = await Promise.all([
    listMeetingProgramIds(ctx.db, [meetingId]),
    findMeetingRow(ctx.db, meetingId),
  ]);
  if (!meeting) throw new NotFoundError('meeting');
  const programIds = programs.get(meetingId) ?? [];
  return listOpenActionItems(ctx, person, programIds, { meetingId, startsAt: meeting.starts_at });
}
