import {
  AgendaItemKindSchema,
  AttendanceMarkSchema,
  ErrorCodes,
  PublishedRecordSchema,
  type Addendum,
  type AddendumInputSchema,
  type MeetingPerson,
  type PublishedRecord,
} from '@mesa/shared';
import type { z } from 'zod';
import { jsonToMarkdown } from '@mesa/editor';
import { authorizeMeeting, type Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, ConflictError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { documentJsonOf, type LiveDocuments } from '../documents/index.js';
import { minutesDocumentName } from './minutes.service.js';
import { listMeetingRecords } from './records.service.js';
import {
  findMeetingRow,
  insertAddendum,
  markPublished,
  selectAddenda,
  selectAgenda,
  selectDelegations,
  selectProgramIds,
  selectRoles,
  selectStays,
  findPerson,
} from './record.repository.js';

/** What is frozen in `meetings.published_record`: the record without its addenda. */
export type FrozenRecord = Omit<PublishedRecord, 'addenda'>;

const FrozenRecordSchema = PublishedRecordSchema.omit({ addenda: true });

function person(id: string, name: string, organizationId: string): MeetingPerson {
  return { id, name, organizationId };
}

/** The minutes' current text as Markdown ('' when the document was never created). */
async function minutesMarkdown(live: LiveDocuments, meetingId: string): Promise<string> {
  const state = await live.state(minutesDocumentName(meetingId));
  return state ? jsonToMarkdown(documentJsonOf(state)) : '';
}

/**
 * Assembles the record as it stands now: the minutes' text, attendance by delegation (the
 * chair's mark and each person's stays in the room), decisions and action items with their
 * current status, the officers and the agenda.
 */
export async function assembleRecord(
  ctx: ServiceContext,
  live: LiveDocuments,
  input: { meetingId: string; person: Actor; publishedBy: MeetingPerson; at: Date },
): Promise<FrozenRecord> {
  const { meetingId, person: reader, publishedBy, at } = input;
  const meeting = await findMeetingRow(ctx.db, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  const [agenda, roles, programIds, delegations, stays, records, markdown] = await Promise.all([
    selectAgenda(ctx.db, meetingId),
    selectRoles(ctx.db, meetingId),
    selectProgramIds(ctx.db, meetingId),
    selectDelegations(ctx.db, meetingId),
    selectStays(ctx.db, meetingId),
    listMeetingRecords(ctx, reader, meetingId),
    minutesMarkdown(live, meetingId),
  ]);
  const attendance = delegations.map((org) => {
    const people = new Map<
      string,
      { id: string; name: string; stays: { joinedAt: string; leftAt: string | null }[] }
    >();
    for (const stay of stays.filter((s) => s.organization_id === org.id)) {
      let entry = people.get(stay.user_id);
      if (!entry)
        people.set(stay.user_id, (entry = { id: stay.user_id, name: stay.name, stays: [] }));
      entry.stays.push({ joinedAt: stay.joined_at, leftAt: stay.left_at });
    }
    return {
      organization: { id: org.id, name: { en: org.name_en, es: org.name_es } },
      mark: AttendanceMarkSchema.nullable().catch(null).parse(org.attendance),
      people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
  const record: FrozenRecord = {
    meetingId,
    title: { en: meeting.title_en, es: meeting.title_es },
    startsAt: meeting.starts_at,
    endsAt: meeting.ends_at,
    location: meeting.location,
    programIds,
    chair: person(meeting.chair_id, meeting.chair_name, meeting.chair_organization_id),
    coChairs: roles
      .filter((r) => r.role === 'co_chair')
      .map((r) => person(r.id, r.name, r.organization_id)),
    rapporteurs: roles
      .filter((r) => r.role === 'rapporteur')
      .map((r) => person(r.id, r.name, r.organization_id)),
    agenda: agenda.map((row) => ({
      id: row.id,
      position: row.position,
      title: { en: row.title_en, es: row.title_es },
      kind: AgendaItemKindSchema.parse(row.kind),
      presentingOrganizationId: row.presenting_organization_id,
      programId: row.program_id,
      plannedMinutes: row.planned_minutes,
      reviewsActionItems: row.reviews_action_items === 1,
    })),
    minutesMarkdown: markdown,
    attendance,
    decisions: records.decisions,
    // As they stand now, without the publisher's abilities on them.
    actionItems: records.actionItems.map(({ abilities: _abilities, ...item }) => item),
    publishedAt: at.toISOString(),
    publishedBy,
  };
  return FrozenRecordSchema.parse(record);
}

/**
 * Publishes a meeting's record (the chair or an admin, once ended): the record as it stands is
 * frozen into the meeting row in the same transaction as the conditional `ended → published`
 * update, so a second publish (or one racing another change of state) gets 409 and nothing
 * changes. Afterwards the minutes are read-only for everyone: open writers are re-checked and
 * closed (4409) through `access.changed`, the policy refuses every write route with 409.
 */
export async function publishMeeting(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  meetingId: string,
): Promise<PublishedRecord> {
  await authorizeMeeting(ctx, actor, 'publish', meetingId);
  const publisher = await findPerson(ctx.db, actor.userId);
  if (!publisher) throw new NotFoundError('person');
  const at = ctx.now();
  const by = person(publisher.id, publisher.name, publisher.organization_id);
  const record = await assembleRecord(ctx, live, { meetingId, person: actor, publishedBy: by, at });
  const published = await ctx.db.transaction().execute((trx) =>
    markPublished(trx, {
      meetingId,
      at: at.toISOString(),
      by: actor.userId,
      record: JSON.stringify(record),
    }),
  );
  if (!published)
    throw new ConflictError(
      'This meeting can be published only once it has ended, and only once; reload to see its state.',
    );
  ctx.events.emit('meeting.published', { meetingId, actorId: actor.userId });
  ctx.events.emit('meeting.changed', { meetingId, change: 'state', actorId: actor.userId });
  // Every open connection to the minutes is re-checked: writers now only read (4409, reconnect).
  ctx.events.emit('access.changed', { programId: null, userId: null, organizationId: null });
  return { ...record, addenda: [] };
}

function presentAddendum(row: {
  id: string;
  body: string;
  author_id: string;
  author_name: string;
  author_org: string;
  created_at: string;
}): Addendum {
  return {
    id: row.id,
    body: row.body,
    author: person(row.author_id, row.author_name, row.author_org),
    createdAt: row.created_at,
  };
}

/** The frozen record of a published meeting, or 409 when it is not published. */
async function frozenRecord(ctx: ServiceContext, meetingId: string): Promise<FrozenRecord> {
  const meeting = await findMeetingRow(ctx.db, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  if (meeting.state !== 'published' || meeting.published_record === null)
    throw new AppError(
      409,
      ErrorCodes.conflict,
      "This meeting's record is not published yet; its minutes are on the meeting's page.",
    );
  return FrozenRecordSchema.parse(JSON.parse(meeting.published_record));
}

/** The published record with its addenda (the meeting's readers). */
export async function getPublishedRecord(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
): Promise<PublishedRecord> {
  await authorizeMeeting(ctx, actor, 'read', meetingId);
  const record = await frozenRecord(ctx, meetingId);
  const addenda = await selectAddenda(ctx.db, meetingId);
  return { ...record, addenda: addenda.map(presentAddendum) };
}

/** Adds a correction to a published record (`addAddendum`): never an edit of the record. */
export async function addAddendum(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: z.infer<typeof AddendumInputSchema>,
): Promise<Addendum> {
  await authorizeMeeting(ctx, actor, 'addAddendum', meetingId);
  await frozenRecord(ctx, meetingId);
  const author = await findPerson(ctx.db, actor.userId);
  if (!author) throw new NotFoundError('person');
  const row = {
    id: newId(),
    meeting_id: meetingId,
    body: input.body,
    author_id: actor.userId,
    created_at: ctx.now().toISOString(),
  };
  await insertAddendum(ctx.db, row);
  ctx.events.emit('meeting.changed', { meetingId, change: 'addendum', actorId: actor.userId });
  return presentAddendum({ ...row, author_name: author.name, author_org: author.organization_id });
}
