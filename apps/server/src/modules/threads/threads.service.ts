import {
  ErrorCodes,
  IdSchema,
  THREAD_PAGE_DEFAULT,
  ThreadSubjectSchema,
  mentionedIds,
  mentionsAsText,
  replaceMentions,
  type CreateThreadInput,
  type Anchor,
  type AnchorInput,
  type PersonRef,
  type Thread,
  type ThreadAnchorRef,
  type ThreadList,
  type ThreadSubject,
} from '@mesa/shared';
import { forbidden, type Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import type { DomainEventMap } from '../../lib/events.js';
import { AppError, ConflictError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { suggestMentions } from './mentions.service.js';
import { countWrite } from './rate-limits.js';
import {
  anchorQuote,
  checkAnchor,
  locateAnchor,
  openAnchorDocument,
  type AnchorDocument,
} from './anchors.js';
import { resolveSubject, type ResolvedSubject, type SubjectAbilities } from './subjects.js';
import { peopleOf, presentThreadBase, subjectPerson } from './threads.presenter.js';
import {
  countOpenThreads,
  insertComment,
  insertThread,
  selectComment,
  selectPeople,
  selectSubjectAnchors,
  selectSubjectThreads,
  selectThread,
  selectThreadComments,
  updateComment,
  setThreadResolution,
  updateThread,
  type CommentRow,
  type ThreadKey,
  type ThreadRow,
} from './threads.repository.js';

/** Where the threads service reads a document's current state (the documents module's port). */
export interface DocumentStates {
  /** The document's current full state, or null when it does not exist. */
  state(name: string): Promise<Uint8Array | null>;
}

/** What the threads service needs: the service context and the documents' states. */
export interface ThreadsDeps {
  ctx: ServiceContext;
  docs: DocumentStates;
}

/** A thread without reader-specific abilities, as the live event carries it. */
export type ThreadBase = Omit<Thread, 'abilities'>;

type ThreadChange = DomainEventMap['thread.changed'][0]['change'];

const EXCERPT_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Subjects and access

/** A subject from the flattened list/mentionable query; 400 naming the missing field. */
export function subjectFromQuery(query: {
  kind: ThreadSubject['kind'];
  documentName?: string | undefined;
  programId?: string | undefined;
  roundId?: string | undefined;
}): ThreadSubject {
  const candidate =
    query.kind === 'document'
      ? { kind: query.kind, documentName: query.documentName }
      : query.kind === 'program'
        ? { kind: query.kind, programId: query.programId }
        : { kind: query.kind, roundId: query.roundId, programId: query.programId };
  const parsed = ThreadSubjectSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? 'kind');
  throw new AppError(
    400,
    ErrorCodes.validation,
    `Invalid querystring: ${field} ${issue?.code === 'invalid_type' ? 'is required for this kind' : (issue?.message ?? 'is invalid')}`,
    field,
  );
}

async function subjectOrThrow(ctx: ServiceContext, subject: ThreadSubject) {
  const resolved = await resolveSubject(ctx, subject);
  if (!resolved) throw new NotFoundError('thread subject');
  return resolved;
}

async function storedSubject(ctx: ServiceContext, row: ThreadRow): Promise<ResolvedSubject> {
  return subjectOrThrow(ctx, ThreadSubjectSchema.parse(JSON.parse(row.subject)));
}

/** The actor's abilities on the subject; 403 without `read`, and without `need` when given. */
async function abilitiesOrThrow(
  resolved: ResolvedSubject,
  actor: Actor,
  need: keyof SubjectAbilities = 'read',
): Promise<SubjectAbilities> {
  const abilities = await resolved.abilities(actor);
  if (!abilities.read || !abilities[need]) throw forbidden();
  return abilities;
}

async function threadOrThrow(ctx: ServiceContext, id: string): Promise<ThreadRow> {
  const row = await selectThread(ctx.db, id);
  if (!row) throw new NotFoundError('thread');
  return row;
}

async function commentOrThrow(ctx: ServiceContext, id: string): Promise<CommentRow> {
  const row = await selectComment(ctx.db, id);
  if (!row) throw new NotFoundError('comment');
  return row;
}

/**
 * The route guard's check, before the body is read: 404 when the thread (or the comment) does
 * not exist, 403 unless the actor may do `action` on its subject.
 */
export async function authorizeThreadTarget(
  ctx: ServiceContext,
  actor: Actor,
  target: { threadId: string } | { commentId: string },
  action: 'read' | 'comment',
): Promise<void> {
  const threadId =
    'threadId' in target
      ? target.threadId
      : (await commentOrThrow(ctx, target.commentId)).thread_id;
  const row = await threadOrThrow(ctx, threadId);
  await abilitiesOrThrow(await storedSubject(ctx, row), actor, action);
}

function threadAbilities(abilities: SubjectAbilities, actor: Actor, row: ThreadRow) {
  return {
    reply: abilities.comment,
    resolve: abilities.moderate || (abilities.comment && row.author_id === actor.userId),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

async function openDocument(
  docs: DocumentStates,
  resolved: ResolvedSubject,
): Promise<AnchorDocument | null> {
  if (!resolved.document) return null;
  const state = await docs.state(resolved.document.name);
  return state ? openAnchorDocument(state, resolved.document.fragment) : null;
}

type AnchorColumns = Pick<ThreadRow, 'anchor_start' | 'anchor_end' | 'anchor_removed'>;

/**
 * Each row's anchor state now: `attached` while its passage is in the document, `removed`
 * once it is gone (or a restore could not re-anchor it). Opens the document once, if any row
 * is anchored.
 */
async function anchorStates(
  deps: ThreadsDeps,
  resolved: ResolvedSubject,
  rows: readonly AnchorColumns[],
): Promise<Anchor['state'][]> {
  const anchored = rows.some((r) => r.anchor_start !== null && r.anchor_removed === 0);
  const doc = anchored ? await openDocument(deps.docs, resolved) : null;
  try {
    return rows.map((row) =>
      row.anchor_removed === 0 &&
      doc !== null &&
      locateAnchor(doc, row.anchor_start, row.anchor_end) !== null
        ? 'attached'
        : 'removed',
    );
  } finally {
    doc?.destroy();
  }
}

/** Threads as stored, with comments, people and each anchor's state now. */
async function assemble(
  deps: ThreadsDeps,
  resolved: ResolvedSubject,
  rows: readonly ThreadRow[],
): Promise<ThreadBase[]> {
  if (rows.length === 0) return [];
  const { db } = deps.ctx;
  const comments = await selectThreadComments(
    db,
    rows.map((r) => r.id),
  );
  const byThread = new Map<string, CommentRow[]>();
  for (const c of comments) {
    const list = byThread.get(c.thread_id);
    if (list) list.push(c);
    else byThread.set(c.thread_id, [c]);
  }
  const ids = rows.flatMap((r) => peopleOf(r, byThread.get(r.id) ?? []));
  const people = new Map((await selectPeople(db, ids)).map((p) => [p.id, p]));
  const states = await anchorStates(deps, resolved, rows);
  return rows.map((row, i) =>
    presentThreadBase(row, byThread.get(row.id) ?? [], people, states[i]!),
  );
}

/** One thread for no reader in particular (the live fan-out), or null when it is gone. */
export async function threadForEveryone(
  deps: ThreadsDeps,
  threadId: string,
): Promise<{ thread: ThreadBase; room: string } | null> {
  const row = await selectThread(deps.ctx.db, threadId);
  if (!row) return null;
  const resolved = await resolveSubject(
    deps.ctx,
    ThreadSubjectSchema.parse(JSON.parse(row.subject)),
  );
  if (!resolved) return null;
  const [thread] = await assemble(deps, resolved, [row]);
  return thread ? { thread, room: resolved.room } : null;
}

async function threadFor(deps: ThreadsDeps, actor: Actor, row: ThreadRow): Promise<Thread> {
  const resolved = await storedSubject(deps.ctx, row);
  const abilities = await abilitiesOrThrow(resolved, actor);
  const [thread] = await assemble(deps, resolved, [row]);
  return { ...thread!, abilities: threadAbilities(abilities, actor, row) };
}

const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

/** The opaque cursor of the page after `row`. */
function cursorAfter(row: ThreadRow): string {
  return Buffer.from(`${row.created_at}\n${row.id}`, 'utf8').toString('base64url');
}

/** Where the page a cursor names starts; 400 naming `cursor` for anything this list never gave. */
function decodeCursor(cursor: string): ThreadKey {
  const parts = CURSOR.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8').split('\n')
    : [];
  const [createdAt, id] = parts;
  if (
    parts.length === 2 &&
    createdAt !== undefined &&
    createdAt.length <= 40 &&
    !Number.isNaN(Date.parse(createdAt)) &&
    IdSchema.safeParse(id).success
  )
    return { createdAt, id: id! };
  throw new AppError(
    400,
    ErrorCodes.validation,
    'Invalid querystring: cursor is not one this list gave (pass nextCursor as it came)',
    'cursor',
  );
}

/**
 * A page of a subject's threads, newest first (`limit` after `cursor`), with the next page's
 * cursor, the subject's open count and whether the reader may comment.
 */
export async function listThreads(
  deps: ThreadsDeps,
  actor: Actor,
  query: Parameters<typeof subjectFromQuery>[0] & {
    state: 'open' | 'resolved' | 'all';
    limit?: number | undefined;
    cursor?: string | undefined;
  },
): Promise<ThreadList> {
  const limit = query.limit ?? THREAD_PAGE_DEFAULT;
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const resolved = await subjectOrThrow(deps.ctx, subjectFromQuery(query));
  const abilities = await abilitiesOrThrow(resolved, actor);
  const kind = resolved.subject.kind;
  const [found, openCount] = await Promise.all([
    selectSubjectThreads(deps.ctx.db, kind, resolved.key, query.state, {
      limit: limit + 1,
      after,
    }),
    countOpenThreads(deps.ctx.db, kind, resolved.key),
  ]);
  const rows = found.slice(0, limit);
  const threads = await assemble(deps, resolved, rows);
  return {
    threads: threads.map((t, i) => ({
      ...t,
      abilities: threadAbilities(abilities, actor, rows[i]!),
    })),
    nextCursor: found.length > limit ? cursorAfter(rows.at(-1)!) : null,
    openCount,
    canComment: abilities.comment,
  };
}

/**
 * Every thread on a document, newest first, with only its id, state and anchor (its state
 * now): what the editor's highlights need, whatever page the panel shows.
 */
export async function listThreadAnchors(
  deps: ThreadsDeps,
  actor: Actor,
  query: { kind: 'document'; documentName: string },
): Promise<{ threads: ThreadAnchorRef[] }> {
  const resolved = await subjectOrThrow(deps.ctx, subjectFromQuery(query));
  await abilitiesOrThrow(resolved, actor);
  const rows = (await selectSubjectAnchors(deps.ctx.db, 'document', resolved.key)).filter(
    (r) => r.anchor_start !== null && r.anchor_end !== null && r.anchor_quote !== null,
  );
  const states = await anchorStates(deps, resolved, rows);
  return {
    threads: rows.map((row, i) => ({
      id: row.id,
      state: row.resolved_at === null ? 'open' : 'resolved',
      anchor: {
        start: row.anchor_start!,
        end: row.anchor_end!,
        quote: row.anchor_quote!,
        state: states[i]!,
      },
    })),
  };
}

/** One thread (read access on its subject). */
export async function getThread(deps: ThreadsDeps, actor: Actor, id: string): Promise<Thread> {
  return threadFor(deps, actor, await threadOrThrow(deps.ctx, id));
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Keeps each mention token whose person may read the subject (active people only) and writes
 * every other one as plain `@label`; returns the text and the kept ids.
 */
async function keepMentions(
  ctx: ServiceContext,
  resolved: ResolvedSubject,
  text: string,
): Promise<{ body: string; kept: string[] }> {
  const ids = mentionedIds(text);
  if (ids.length === 0) return { body: text, kept: [] };
  const candidates = (await selectPeople(ctx.db, ids)).filter((p) => p.active === 1);
  const readers = await resolved.readersAmong(candidates.map(subjectPerson));
  const keep = new Set(readers.map((r) => r.id));
  const body = replaceMentions(text, (m) =>
    keep.has(m.personId) ? text.slice(m.index, m.index + m.length) : `@${m.label}`,
  );
  return { body, kept: ids.filter((id) => keep.has(id)) };
}

function emitChanged(ctx: ServiceContext, threadId: string, change: ThreadChange): void {
  ctx.events.emit('thread.changed', { threadId, change });
}

/**
 * After a commit: announces the change (`thread.changed`; the live layer reads the thread for
 * everyone) and returns the thread as it is now to the actor, with the abilities decided
 * before the write.
 */
async function announce(
  deps: ThreadsDeps,
  actor: Actor,
  resolved: ResolvedSubject,
  abilities: SubjectAbilities,
  threadId: string,
  change: ThreadChange,
): Promise<Thread> {
  emitChanged(deps.ctx, threadId, change);
  const row = await threadOrThrow(deps.ctx, threadId);
  const [thread] = await assemble(deps, resolved, [row]);
  return { ...thread!, abilities: threadAbilities(abilities, actor, row) };
}

function excerptOf(body: string): string {
  return mentionsAsText(body).slice(0, EXCERPT_LENGTH);
}

/**
 * Checks a document thread's anchor against the document's current state (400 naming the
 * field) and returns it with its quote, read from the server's copy of the document.
 */
async function checkedAnchor(
  deps: ThreadsDeps,
  resolved: ResolvedSubject,
  anchor: CreateThreadInput['anchor'],
): Promise<(AnchorInput & { quote: string }) | null> {
  if (!resolved.document) {
    if (anchor)
      throw new AppError(
        400,
        ErrorCodes.validation,
        'anchor is only for threads on a passage of a document; leave it out',
        'anchor',
      );
    return null;
  }
  if (!anchor)
    throw new AppError(
      400,
      ErrorCodes.validation,
      'anchor is required: a thread on a document is on a passage of it',
      'anchor',
    );
  const doc = await openDocument(deps.docs, resolved);
  if (!doc) throw new NotFoundError('document');
  try {
    const checked = checkAnchor(doc, anchor);
    if ('refusal' in checked) {
      const { message, field } = checked.refusal;
      throw new AppError(400, ErrorCodes.validation, message, field);
    }
    return { start: anchor.start, end: anchor.end, quote: checked.quote };
  } finally {
    doc.destroy();
  }
}

/** A new comment's row. */
function commentRow(id: string, threadId: string, actor: Actor, body: string, at: string) {
  return {
    id,
    thread_id: threadId,
    author_id: actor.userId,
    body,
    created_at: at,
    edited_at: null,
    deleted_at: null,
  };
}

/** Emits comment.posted (after the commit) for a new comment. */
function emitPosted(
  ctx: ServiceContext,
  resolved: ResolvedSubject,
  actor: Actor,
  posted: { threadId: string; commentId: string; body: string; kept: string[] },
  participants: string[] | null,
): void {
  ctx.events.emit('comment.posted', {
    threadId: posted.threadId,
    commentId: posted.commentId,
    authorId: actor.userId,
    subject: resolved.subject,
    programId: resolved.programId,
    startsThread: participants === null,
    mentionedIds: posted.kept.filter((id) => id !== actor.userId),
    participantIds: [...new Set(participants ?? [])],
    excerpt: excerptOf(posted.body),
  });
}

/** Opens a thread with its first comment; emits comment.posted after the commit. */
export async function createThread(
  deps: ThreadsDeps,
  actor: Actor,
  input: CreateThreadInput,
): Promise<Thread> {
  const { ctx } = deps;
  const resolved = await subjectOrThrow(ctx, input.subject);
  const abilities = await abilitiesOrThrow(resolved, actor, 'comment');
  const anchor = await checkedAnchor(deps, resolved, input.anchor);
  const { body, kept } = await keepMentions(ctx, resolved, input.body);
  const threadId = newId();
  const commentId = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await countWrite(ctx, trx, actor, 'thread');
    await insertThread(trx, {
      id: threadId,
      subject_kind: resolved.subject.kind,
      subject_key: resolved.key,
      subject: JSON.stringify(resolved.subject),
      program_id: resolved.programId,
      anchor_start: anchor?.start ?? null,
      anchor_end: anchor?.end ?? null,
      anchor_quote: anchor?.quote ?? null,
      author_id: actor.userId,
      created_at: at,
      resolved_by: null,
      resolved_at: null,
    });
    await insertComment(trx, commentRow(commentId, threadId, actor, body, at));
  });
  emitPosted(ctx, resolved, actor, { threadId, commentId, body, kept }, null);
  return announce(deps, actor, resolved, abilities, threadId, 'created');
}

/** Replies to a thread; emits comment.posted (with the earlier participants) after the commit. */
export async function replyToThread(
  deps: ThreadsDeps,
  actor: Actor,
  threadId: string,
  text: string,
): Promise<Thread> {
  const { ctx } = deps;
  const row = await threadOrThrow(ctx, threadId);
  const resolved = await storedSubject(ctx, row);
  const abilities = await abilitiesOrThrow(resolved, actor, 'comment');
  const { body, kept } = await keepMentions(ctx, resolved, text);
  const commentId = newId();
  const earlier = await selectThreadComments(ctx.db, [threadId]);
  await ctx.db.transaction().execute(async (trx) => {
    await countWrite(ctx, trx, actor, 'comment');
    const at = ctx.now().toISOString();
    await insertComment(trx, commentRow(commentId, threadId, actor, body, at));
  });
  const participants = earlier
    .filter((c) => c.deleted_at === null && c.author_id !== actor.userId)
    .map((c) => c.author_id);
  emitPosted(ctx, resolved, actor, { threadId, commentId, body, kept }, participants);
  return announce(deps, actor, resolved, abilities, threadId, 'commented');
}

/** Edits one's own comment (marked edited); counts against the comments-per-minute limit. */
export async function editComment(
  deps: ThreadsDeps,
  actor: Actor,
  commentId: string,
  text: string,
): Promise<Thread> {
  const { ctx } = deps;
  const comment = await commentOrThrow(ctx, commentId);
  const row = await threadOrThrow(ctx, comment.thread_id);
  const resolved = await storedSubject(ctx, row);
  const abilities = await abilitiesOrThrow(resolved, actor, 'comment');
  if (comment.author_id !== actor.userId) throw forbidden();
  if (comment.deleted_at !== null) throw new ConflictError('The comment was deleted.');
  const { body, kept } = await keepMentions(ctx, resolved, text);
  await ctx.db.transaction().execute(async (trx) => {
    await countWrite(ctx, trx, actor, 'comment');
    await updateComment(trx, commentId, { body, edited_at: ctx.now().toISOString() });
  });
  // People the edit mentions for the first time are told, as if it had been posted so;
  // nobody else (an edit is not a reply).
  const before = new Set(mentionedIds(comment.body ?? ''));
  const added = kept.filter((id) => !before.has(id));
  if (added.length > 0)
    emitPosted(ctx, resolved, actor, { threadId: row.id, commentId, body, kept: added }, []);
  return announce(deps, actor, resolved, abilities, row.id, 'edited');
}

/**
 * Deletes a comment (its author, or an admin): the body goes, a placeholder stays. Deleting a
 * deleted comment changes nothing.
 */
export async function deleteComment(
  deps: ThreadsDeps,
  actor: Actor,
  commentId: string,
): Promise<Thread> {
  const { ctx } = deps;
  const comment = await commentOrThrow(ctx, commentId);
  const row = await threadOrThrow(ctx, comment.thread_id);
  const resolved = await storedSubject(ctx, row);
  const abilities = await abilitiesOrThrow(resolved, actor);
  const own = comment.author_id === actor.userId && abilities.comment;
  if (!own && !abilities.administer) throw forbidden();
  if (comment.deleted_at !== null) return getThread(deps, actor, row.id);
  await updateComment(ctx.db, commentId, { body: null, deleted_at: ctx.now().toISOString() });
  return announce(deps, actor, resolved, abilities, row.id, 'deleted');
}

async function setResolved(
  deps: ThreadsDeps,
  actor: Actor,
  threadId: string,
  resolve: boolean,
): Promise<Thread> {
  const { ctx } = deps;
  const row = await threadOrThrow(ctx, threadId);
  const resolved = await storedSubject(ctx, row);
  const abilities = await abilitiesOrThrow(resolved, actor);
  if (!threadAbilities(abilities, actor, row).resolve) throw forbidden();
  if ((row.resolved_at !== null) === resolve) return getThread(deps, actor, threadId);
  const at = ctx.now().toISOString();
  const changed = await setThreadResolution(
    ctx.db,
    threadId,
    resolve ? { by: actor.userId, at } : null,
  );
  if (!changed) return getThread(deps, actor, threadId);
  if (resolve) {
    ctx.events.emit('thread.resolved', {
      threadId,
      resolvedAt: at,
      resolvedBy: actor.userId,
      threadAuthorId: row.author_id,
      subject: resolved.subject,
      programId: resolved.programId,
    });
  }
  return announce(deps, actor, resolved, abilities, threadId, resolve ? 'resolved' : 'reopened');
}

/** Resolves a thread (its author, the program's coordinators, admins); resolving twice is a no-op. */
export function resolveThread(deps: ThreadsDeps, actor: Actor, threadId: string) {
  return setResolved(deps, actor, threadId, true);
}

/** Reopens a thread (same people); reopening an open thread is a no-op. */
export function reopenThread(deps: ThreadsDeps, actor: Actor, threadId: string) {
  return setResolved(deps, actor, threadId, false);
}

// ---------------------------------------------------------------------------------------------
// Mentions

/**
 * Up to eight active people who may read the subject matching `q` (see suggestMentions), for
 * people who may comment on it; counts against their suggestions per minute (429).
 */
export async function mentionable(
  deps: ThreadsDeps,
  actor: Actor,
  query: Parameters<typeof subjectFromQuery>[0] & { q: string },
): Promise<{ people: PersonRef[] }> {
  const resolved = await subjectOrThrow(deps.ctx, subjectFromQuery(query));
  await abilitiesOrThrow(resolved, actor, 'comment');
  return suggestMentions(deps.ctx, resolved, actor, query.q);
}

// ---------------------------------------------------------------------------------------------
// Restore

/**
 * After a version of a document was restored: every thread on it whose quote occurs exactly
 * once in the restored text is anchored there again (new relative positions on the restored
 * content); the others are marked removed. Emits `thread.changed` (anchored) for each.
 */
export async function reanchorDocumentThreads(
  deps: ThreadsDeps,
  documentName: string,
): Promise<void> {
  const { ctx } = deps;
  const resolved = await resolveSubject(ctx, { kind: 'document', documentName });
  if (!resolved?.document) return;
  const rows = await selectSubjectThreads(ctx.db, 'document', resolved.key, 'all');
  if (rows.length === 0) return;
  const doc = await openDocument(deps.docs, resolved);
  if (!doc) return;
  const changes: { id: string; start: string | null; end: string | null }[] = [];
  try {
    for (const row of rows) {
      if (row.anchor_quote === null) continue;
      const found = anchorQuote(doc, row.anchor_quote);
      changes.push({ id: row.id, start: found?.start ?? null, end: found?.end ?? null });
    }
  } finally {
    doc.destroy();
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const change of changes) {
      await updateThread(
        trx,
        change.id,
        change.start !== null && change.end !== null
          ? { anchor_start: change.start, anchor_end: change.end, anchor_removed: 0 }
          : { anchor_removed: 1 },
      );
    }
  });
  for (const change of changes) emitChanged(ctx, change.id, 'anchored');
}
