import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActionItemInputSchema,
  ActionItemReplySchema,
  ActionItemStatusInputSchema,
  AgendaConflictSchema,
  CalendarFeedCreatedSchema,
  CalendarFeedParamsSchema,
  CalendarFeedStatusSchema,
  CreateMeetingInputSchema,
  DecisionInputSchema,
  DecisionReplySchema,
  ErrorBodySchema,
  IdParamsSchema,
  IdSchema,
  ListMeetingsQuerySchema,
  MeetingListSchema,
  MeetingOptionsQuerySchema,
  MeetingOptionsSchema,
  MeetingParticipantSchema,
  MeetingRecordsSchema,
  MeetingReviewSchema,
  MeetingReplySchema,
  ProgramMeetingRecordsSchema,
  SaveAgendaInputSchema,
  SaveMeetingOrganizationsInputSchema,
  SaveMeetingRolesInputSchema,
  UpdateMeetingInputSchema,
  listOf,
} from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import {
  publicRoute,
  requireMeeting,
  requireProgram,
  requireWorkspace,
  signedIn,
  signedInActor,
  type RouteGuard,
} from '../../authz/guards.js';
import {
  cancelMeeting,
  createMeeting,
  getMeeting,
  listMeetings,
  listParticipants,
  meetingOptions,
  saveAgenda,
  saveOrganizations,
  saveRoles,
  updateMeeting,
} from './meetings.service.js';
import {
  authorizeActionItem,
  editActionItem,
  editDecision,
  listMeetingRecords,
  listProgramMeetingRecords,
  listReviewItems,
  normalizeActionItem,
  normalizeDecision,
  recordActionItem,
  recordDecision,
  removeDecision,
  setActionItemStatus,
} from './records.service.js';
import { createFeed, feedIcs, feedStatus, meetingIcs, removeFeed } from './calendar.service.js';

const tags = ['meetings'];
const errors = { 400: ErrorBodySchema, 409: ErrorBodySchema };
// Sent as text/calendar, so Fastify does not serialize it; the schema documents the reply.
const icsReply = {
  description: 'iCalendar (RFC 5545, UTF-8)',
  content: { 'text/calendar': { schema: z.string() } },
};
const DecisionParamsSchema = z.strictObject({ id: IdSchema, decisionId: IdSchema });

function sendIcs(reply: FastifyReply, ics: string) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(ics);
}

/**
 * An action item's routes name no meeting: the guard finds its meeting and checks the item's
 * ability through `can()` before the body is read (404 no item, 403 no access or ability).
 */
function requireActionItem(action: 'edit' | 'updateStatus'): RouteGuard {
  return {
    config: { access: `actionItem:${action}` },
    preParsing: async (request) => {
      const parsed = IdSchema.safeParse((request.params as Record<string, string>).id);
      if (!parsed.success) return;
      await authorizeActionItem(request.server.ctx, signedInActor(request), parsed.data, action);
    },
  };
}

/** Meetings, their agenda, roles and organizations, decisions and action items, calendars. */
export const meetingsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/meetings',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'Meetings the reader may see (their organization participates; admins all), by start time; `canCreate` says whether they may create one.',
        querystring: ListMeetingsQuerySchema,
        response: { 200: MeetingListSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => listMeetings(ctx, request.actor!, request.query),
  );

  app.post(
    '/api/meetings',
    {
      ...requireWorkspace('createMeeting'),
      schema: {
        tags,
        description:
          'Creates a scheduled meeting. A plenary (no programs) is the admins’; otherwise admins or coordinators of each of its programs. The chair: an admin or a coordinator of one of its programs (plenary: an admin, or a member an admin names). Organizations default to those related to its programs plus the SICA Secretariat (all for a plenary) and must include the chair’s.',
        body: CreateMeetingInputSchema,
        response: { 201: MeetingReplySchema, 400: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ meeting: await createMeeting(ctx, request.actor!, request.body) }),
  );

  app.get(
    '/api/meetings/options',
    {
      ...requireWorkspace('createMeeting'),
      schema: {
        tags,
        description:
          'For the meeting form: who may chair a meeting of these programs, the organizations taking part by default, and the programs’ open action items from meetings the reader sees.',
        querystring: MeetingOptionsQuerySchema,
        response: { 200: MeetingOptionsSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => meetingOptions(ctx, request.actor!, request.query.programIds),
  );

  app.get(
    '/api/meetings/:id',
    {
      ...requireMeeting('read'),
      schema: {
        tags,
        params: IdParamsSchema,
        response: { 200: MeetingReplySchema },
      },
    },
    async (request) => ({ meeting: await getMeeting(ctx, request.actor!, request.params.id) }),
  );

  app.patch(
    '/api/meetings/:id',
    {
      ...requireMeeting('edit'),
      schema: {
        tags,
        description:
          'Changes its details; raises the calendar SEQUENCE. The chair is checked again; changing its programs needs what creating it needs. Emits meeting.changed `details`.',
        params: IdParamsSchema,
        body: UpdateMeetingInputSchema,
        response: { 200: MeetingReplySchema, ...errors },
      },
    },
    async (request) => ({
      meeting: await updateMeeting(ctx, request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/meetings/:id/cancel',
    {
      ...requireMeeting('cancel'),
      schema: {
        tags,
        description:
          'Cancels a scheduled meeting; raises the calendar SEQUENCE (feeds show it cancelled).',
        params: IdParamsSchema,
        response: { 200: MeetingReplySchema, ...errors },
      },
    },
    async (request) => ({ meeting: await cancelMeeting(ctx, request.actor!, request.params.id) }),
  );

  app.put(
    '/api/meetings/:id/agenda',
    {
      ...requireMeeting('edit'),
      schema: {
        tags,
        description:
          'Saves the whole agenda in order if it is still at `revision`; existing items keep their ids. A stale revision answers 409 with the meeting as stored now (`error.current`), writing nothing.',
        params: IdParamsSchema,
        body: SaveAgendaInputSchema,
        response: {
          200: MeetingReplySchema,
          400: ErrorBodySchema,
          409: z.union([AgendaConflictSchema, ErrorBodySchema]),
        },
      },
    },
    async (request, reply) => {
      const result = await saveAgenda(ctx, request.actor!, request.params.id, request.body);
      if (result.ok) return { meeting: result.meeting };
      const message = 'Someone else saved the agenda first; here it is as it stands now.';
      return reply
        .code(409)
        .send({ error: { code: 'conflict' as const, message, current: result.current } });
    },
  );

  app.put(
    '/api/meetings/:id/roles',
    {
      ...requireMeeting('nameRoles'),
      schema: {
        tags,
        description:
          'Names co-chairs and rapporteurs: active role `member` people of participating organizations (never viewers); the chair is not also a co-chair.',
        params: IdParamsSchema,
        body: SaveMeetingRolesInputSchema,
        response: { 200: MeetingReplySchema, ...errors },
      },
    },
    async (request) => ({
      meeting: await saveRoles(ctx, request.actor!, request.params.id, request.body),
    }),
  );

  app.put(
    '/api/meetings/:id/organizations',
    {
      ...requireMeeting('edit'),
      schema: {
        tags,
        description:
          'Sets the participating organizations; those of its programs and the chair’s always stay.',
        params: IdParamsSchema,
        body: SaveMeetingOrganizationsInputSchema,
        response: { 200: MeetingReplySchema, ...errors },
      },
    },
    async (request) => ({
      meeting: await saveOrganizations(
        ctx,
        request.actor!,
        request.params.id,
        request.body.organizationIds,
      ),
    }),
  );

  app.get(
    '/api/meetings/:id/people',
    {
      ...requireMeeting('read'),
      schema: {
        tags,
        description:
          'Active people of the participating organizations with their roles (co-chairs, rapporteurs, action item owners).',
        params: IdParamsSchema,
        response: { 200: listOf(MeetingParticipantSchema) },
      },
    },
    async (request) => ({ data: await listParticipants(ctx, request.params.id) }),
  );

  app.get(
    '/api/meetings/:id/records',
    {
      ...requireMeeting('read'),
      schema: { tags, params: IdParamsSchema, response: { 200: MeetingRecordsSchema } },
    },
    async (request) => listMeetingRecords(ctx, request.actor!, request.params.id),
  );

  app.get(
    '/api/meetings/:id/review',
    {
      ...requireMeeting('read'),
      schema: {
        tags,
        description:
          'The review of open action items: open or in-progress items of its programs from other meetings the reader may see.',
        params: IdParamsSchema,
        response: { 200: MeetingReviewSchema },
      },
    },
    async (request) => ({ data: await listReviewItems(ctx, request.actor!, request.params.id) }),
  );

  app.post(
    '/api/meetings/:id/decisions',
    {
      ...requireMeeting('record'),
      schema: {
        tags,
        description: 'Records a decision (chair, co-chairs, rapporteurs; live or ended).',
        params: IdParamsSchema,
        body: DecisionInputSchema,
        response: { 201: DecisionReplySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        decision: await recordDecision(
          ctx,
          request.actor!,
          request.params.id,
          normalizeDecision(request.body),
        ),
      }),
  );

  app.patch(
    '/api/meetings/:id/decisions/:decisionId',
    {
      ...requireMeeting('record'),
      schema: {
        tags,
        params: DecisionParamsSchema,
        body: DecisionInputSchema,
        response: { 200: DecisionReplySchema, ...errors },
      },
    },
    async (request) => ({
      decision: await editDecision(
        ctx,
        request.actor!,
        request.params.id,
        request.params.decisionId,
        normalizeDecision(request.body),
      ),
    }),
  );

  app.delete(
    '/api/meetings/:id/decisions/:decisionId',
    {
      ...requireMeeting('record'),
      schema: {
        tags,
        params: DecisionParamsSchema,
        response: { 204: z.null(), 409: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      await removeDecision(ctx, request.actor!, request.params.id, request.params.decisionId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/meetings/:id/action-items',
    {
      ...requireMeeting('record'),
      schema: {
        tags,
        description:
          'Records an action item: a participating owner organization, optionally a person of it, a due date; the owner is notified.',
        params: IdParamsSchema,
        body: ActionItemInputSchema,
        response: { 201: ActionItemReplySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        actionItem: await recordActionItem(
          ctx,
          request.actor!,
          request.params.id,
          normalizeActionItem(request.body),
        ),
      }),
  );

  app.patch(
    '/api/action-items/:id',
    {
      ...requireActionItem('edit'),
      schema: {
        tags,
        description:
          'Changes an action item’s text, owner or due date (chair, co-chairs, rapporteurs until published; admins); history kept.',
        params: IdParamsSchema,
        body: ActionItemInputSchema,
        response: { 200: ActionItemReplySchema, ...errors },
      },
    },
    async (request) => ({
      actionItem: await editActionItem(
        ctx,
        request.actor!,
        request.params.id,
        normalizeActionItem(request.body),
      ),
    }),
  );

  app.put(
    '/api/action-items/:id/status',
    {
      ...requireActionItem('updateStatus'),
      schema: {
        tags,
        description:
          'Changes an action item’s status (its owner, its owner organization’s people, the chair, admins; after publishing too); history kept.',
        params: IdParamsSchema,
        body: ActionItemStatusInputSchema,
        response: { 200: ActionItemReplySchema, ...errors },
      },
    },
    async (request) => ({
      actionItem: await setActionItemStatus(
        ctx,
        request.actor!,
        request.params.id,
        request.body.status,
      ),
    }),
  );

  app.get(
    '/api/programs/:id/meeting-records',
    {
      ...requireProgram('read'),
      schema: {
        tags,
        description:
          'Decisions and action items of the program’s meetings, only of meetings the reader may see.',
        params: IdParamsSchema,
        response: { 200: ProgramMeetingRecordsSchema },
      },
    },
    async (request) => listProgramMeetingRecords(ctx, request.actor!, request.params.id),
  );

  app.get(
    '/api/meetings/:id/meeting.ics',
    {
      ...requireMeeting('read'),
      schema: { tags, params: IdParamsSchema, response: { 200: icsReply } },
    },
    async (request, reply) =>
      sendIcs(reply, await meetingIcs(ctx, request.actor!.locale, request.params.id)),
  );

  app.get(
    '/api/calendar/:file',
    {
      ...publicRoute(),
      schema: {
        tags,
        description:
          'A person’s calendar feed for calendar apps (no cookies): `<token>.ics`. Access is checked on every fetch; 404 for an unknown or rotated token or a deactivated person.',
        params: CalendarFeedParamsSchema,
        response: { 200: icsReply, 404: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      sendIcs(reply, await feedIcs(ctx, request.params.file.slice(0, -'.ics'.length))),
  );

  app.get(
    '/api/me/calendar-feed',
    {
      ...signedIn(),
      schema: { tags, response: { 200: CalendarFeedStatusSchema } },
    },
    async (request) => feedStatus(ctx, request.actor!.userId),
  );

  app.post(
    '/api/me/calendar-feed',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'Creates or rotates the person’s calendar feed (the old address dies); the address is shown only in this reply.',
        response: { 201: CalendarFeedCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createFeed(ctx, request.actor!.userId)),
  );

  app.delete(
    '/api/me/calendar-feed',
    { ...signedIn(), schema: { tags, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeFeed(ctx, request.actor!.userId);
      return reply.code(204).send(null);
    },
  );
};
