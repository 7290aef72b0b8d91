import {
  ErrorCodes,
  mentionsAsText,
  type AnchorInput,
  type CreateThreadInput,
  type Thread,
} from '@mesa/shared';
import type { Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { checkAnchor } from './anchors.js';
import { keepMentions } from './mentions.service.js';
import { countWrite } from './rate-limits.js';
import type { ResolvedSubject } from './subjects.js';
import {
  abilitiesOrThrow,
  storedSubject,
  subjectOrThrow,
  threadOrThrow,
  type ThreadsDeps,
} from './thread-access.service.js';
import { announce, openDocument } from './thread-reading.service.js';
import { insertComment, insertThread, selectThreadComments } from './threads.repository.js';

// Posting: a new thread with its first comment, and replies; each tells comment.posted.

const EXCERPT_LENGTH = 200;

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
export function emitPosted(
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
