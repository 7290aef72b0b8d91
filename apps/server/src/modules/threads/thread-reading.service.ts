import {
  ErrorCodes,
  IdSchema,
  THREAD_PAGE_DEFAULT,
  ThreadSubjectSchema,
  type Anchor,
  type Thread,
  type ThreadAnchorRef,
  type ThreadList,
} from '@mesa/shared';
import type { Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import type { DomainEventMap } from '../../lib/events.js';
import { AppError } from '../../lib/errors.js';
import { locateAnchor, openAnchorDocument, type AnchorDocument } from './anchors.js';
import { resolveSubject, type ResolvedSubject, type SubjectAbilities } from './subjects.js';
import {
  abilitiesOrThrow,
  storedSubject,
  subjectFromQuery,
  subjectOrThrow,
  threadAbilities,
  threadOrThrow,
  type DocumentStates,
  type ThreadsDeps,
} from './thread-access.service.js';
import { peopleOf, presentThreadBase } from './threads.presenter.js';
import {
  countOpenThreads,
  selectPeople,
  selectSubjectAnchors,
  selectSubjectThreads,
  selectThread,
  selectThreadComments,
  type CommentRow,
  type ThreadKey,
  type ThreadRow,
} from './threads.repository.js';

// Threads as a reader sees them: a subject's list (paged), its anchors, one thread, the thread
// for the live fan-out, and the thread as it is after a change.

/** A thread without reader-specific abilities, as the live event carries it. */
export type ThreadBase = Omit<Thread, 'abilities'>;

export type ThreadChange = DomainEventMap['thread.changed'][0]['change'];

/** The subject's document as the server holds it now; null when it has none or none is stored. */
export async function openDocument(
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

/** Tells `thread.changed` after a commit; the live layer fans it out to the subject's room. */
export function emitChanged(ctx: ServiceContext, threadId: string, change: ThreadChange): void {
  ctx.events.emit('thread.changed', { threadId, change });
}

/**
 * After a commit: announces the change (`thread.changed`; the live layer reads the thread for
 * everyone) and returns the thread as it is now to the actor, with the abilities decided
 * before the write.
 */
export async function announce(
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
