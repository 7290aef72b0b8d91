import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CommentInputSchema,
  CreateThreadInputSchema,
  ErrorBodySchema,
  IdSchema,
  ListThreadsQuerySchema,
  MentionableQuerySchema,
  MentionableReplySchema,
  ThreadAnchorsQuerySchema,
  ThreadAnchorsSchema,
  ThreadListSchema,
  ThreadSchema,
  IdParamsSchema,
} from '@mesa/shared';
import { signedInActor, type RouteGuard } from '../../authz/guards.js';
import { deleteComment, editComment } from './comment-edits.service.js';
import { mentionable } from './mentions.service.js';
import { authorizeThreadTarget, type ThreadsDeps } from './thread-access.service.js';
import { createThread, replyToThread } from './thread-posting.service.js';
import { getThread, listThreadAnchors, listThreads } from './thread-reading.service.js';
import { reopenThread, resolveThread } from './thread-resolution.service.js';

const tags = ['threads'];
const Refusals = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const Limited = { ...Refusals, 429: ErrorBodySchema };

const actorOf = signedInActor;

/** Access decided by the service once it knows the subject (from the query or the body). */
function onSubject(action: 'read' | 'comment'): RouteGuard {
  return { config: { access: `subject:${action}` } };
}

/**
 * Checks `action` on the subject of the thread (or of the comment's thread) the `:id`
 * parameter names, before the body is read: 404 when it does not exist, 403 when the person
 * may not. A malformed id is left to params validation (400).
 */
function onSubjectOf(target: 'thread' | 'comment', action: 'read' | 'comment'): RouteGuard {
  return {
    config: { access: `subject:${action}` },
    preParsing: async (request) => {
      const actor = actorOf(request);
      const parsed = IdSchema.safeParse((request.params as { id?: string }).id);
      if (!parsed.success) return;
      const ref = target === 'thread' ? { threadId: parsed.data } : { commentId: parsed.data };
      await authorizeThreadTarget(request.server.ctx, actor, ref, action);
    },
  };
}

/** Comment threads and their comments (issue 19); the service asks each subject's rules. */
export const threadsRoutes: FastifyPluginAsyncZod<{ deps: ThreadsDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/threads',
    {
      ...onSubject('read'),
      schema: {
        tags,
        description:
          "A page of a subject's threads, newest first (by creation, then id), with their comments, the next page's `nextCursor` (null on the last page), the subject's open count (whatever the filter) and whether the reader may open one. Subject fields flattened: `kind=document&documentName=plan:<id>` (a plan) or `kind=document&documentName=minutes:<meetingId>` (a meeting's minutes, once the meeting has gone live: its readers read, `commentMinutes` comments), `kind=program&programId=…`, `kind=roundProgram&roundId=…&programId=…`. `limit` threads a page (1–100, default 50); `cursor` is the previous page's `nextCursor`, passed as it came (400 naming `cursor` for anything else). A document thread's `anchor.state` is computed from the document now (`removed` once its passage is gone). 404 for a subject that does not exist, 403 without read access on it.",
        querystring: ListThreadsQuerySchema,
        response: { 200: ThreadListSchema, ...Refusals },
      },
    },
    async (request) => listThreads(deps, actorOf(request), request.query),
  );

  app.get(
    '/api/threads/anchors',
    {
      ...onSubject('read'),
      schema: {
        tags,
        description:
          "Every thread on a document (`kind=document&documentName=plan:<id>` or `minutes:<meetingId>`), newest first, with only its id, state and anchor (`anchor.state` computed from the document now): what the editor's highlights need, whichever page of `GET /api/threads` the panel shows. Threads without an anchor are left out. 404 for a document that does not exist, 403 without read access on it.",
        querystring: ThreadAnchorsQuerySchema,
        response: { 200: ThreadAnchorsSchema, ...Refusals },
      },
    },
    async (request) => listThreadAnchors(deps, actorOf(request), request.query),
  );

  app.get(
    '/api/threads/mentionable',
    {
      ...onSubject('comment'),
      schema: {
        tags,
        description:
          'Who may be mentioned in a thread on the subject: at most 8 active people who may read it, a word of whose name starts with `q` (2 characters or more, case- and accent-insensitive; with several words, each must start a word of the name or of the organization’s short name, and one the name), names starting with it first, never the asker. For people who may comment on the subject. 429 past 60 requests a minute per person (counted in the database, so on every node; `Retry-After` says when to ask again).',
        querystring: MentionableQuerySchema,
        response: { 200: MentionableReplySchema, ...Limited },
      },
    },
    async (request) => mentionable(deps, actorOf(request), request.query),
  );

  app.post(
    '/api/threads',
    {
      ...onSubject('comment'),
      schema: {
        tags,
        description:
          'Opens a thread with its first comment; emits comment.posted and thread.changed. `anchor` is required for a `document` subject (`{start, end}`, checked against the document as the server holds it: both positions decode, lie in its text and start comes before end; 400 naming `anchor.start` or `anchor.end` otherwise) and refused for the others. The `anchor.quote` a reply carries is the passage’s text as the server reads it from its copy of the document (a body carrying one is refused); a passage without text, or longer than 2000 characters, is refused with 400 naming `anchor`. Mentions of people who may not read the subject are stored as plain `@label`. 429 past 10 threads a minute (nothing stored).',
        body: CreateThreadInputSchema,
        response: { 201: ThreadSchema, ...Limited },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createThread(deps, actorOf(request), request.body)),
  );

  app.get(
    '/api/threads/:id',
    {
      ...onSubjectOf('thread', 'read'),
      schema: { tags, params: IdParamsSchema, response: { 200: ThreadSchema, ...Refusals } },
    },
    async (request) => getThread(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/threads/:id/comments',
    {
      ...onSubjectOf('thread', 'comment'),
      schema: {
        tags,
        description:
          'Replies; emits comment.posted (with the earlier participants) and thread.changed. 429 past 30 comments or edits a minute (nothing stored).',
        params: IdParamsSchema,
        body: CommentInputSchema,
        response: { 201: ThreadSchema, ...Limited },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await replyToThread(deps, actorOf(request), request.params.id, request.body.body)),
  );

  app.post(
    '/api/threads/:id/resolve',
    {
      ...onSubjectOf('thread', 'read'),
      schema: {
        tags,
        description:
          "Resolves the thread: its author (while they may comment), the program's coordinators and admins (`moderateComments`); 403 for others. Resolving a resolved thread changes nothing. Emits thread.resolved and thread.changed.",
        params: IdParamsSchema,
        response: { 200: ThreadSchema, ...Refusals },
      },
    },
    async (request) => resolveThread(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/threads/:id/reopen',
    {
      ...onSubjectOf('thread', 'read'),
      schema: {
        tags,
        description:
          'Reopens the thread (the same people as resolve); reopening an open thread changes nothing. Emits thread.changed.',
        params: IdParamsSchema,
        response: { 200: ThreadSchema, ...Refusals },
      },
    },
    async (request) => reopenThread(deps, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/comments/:id',
    {
      ...onSubjectOf('comment', 'comment'),
      schema: {
        tags,
        description:
          'Edits one’s own comment (403 for anyone else’s; 409 once deleted); sets `editedAt`; emits thread.changed. Counts against the 30 comments a minute (429).',
        params: IdParamsSchema,
        body: CommentInputSchema,
        response: { 200: ThreadSchema, ...Limited, 409: ErrorBodySchema },
      },
    },
    async (request) => editComment(deps, actorOf(request), request.params.id, request.body.body),
  );

  app.delete(
    '/api/comments/:id',
    {
      ...onSubjectOf('comment', 'read'),
      schema: {
        tags,
        description:
          'Deletes a comment: its author (while they may comment) or an admin; the body becomes null and a placeholder stays. Deleting twice changes nothing. Emits thread.changed.',
        params: IdParamsSchema,
        response: { 200: ThreadSchema, ...Refusals },
      },
    },
    async (request) => deleteComment(deps, actorOf(request), request.params.id),
  );
};
