import { mentionedIds, type Thread } from '@mesa/shared';
import { forbidden, type Actor } from '../../authz/index.js';
import { ConflictError } from '../../lib/errors.js';
import { keepMentions } from './mentions.service.js';
import { countWrite } from './rate-limits.js';
import {
  abilitiesOrThrow,
  commentOrThrow,
  storedSubject,
  threadOrThrow,
  type ThreadsDeps,
} from './thread-access.service.js';
import { emitPosted } from './thread-posting.service.js';
import { announce, getThread } from './thread-reading.service.js';
import { updateComment } from './threads.repository.js';

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
