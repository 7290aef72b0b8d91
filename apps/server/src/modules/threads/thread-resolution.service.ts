import type { Thread } from '@mesa/shared';
import { forbidden, type Actor } from '../../authz/index.js';
import {
  abilitiesOrThrow,
  storedSubject,
  threadAbilities,
  threadOrThrow,
  type ThreadsDeps,
} from './thread-access.service.js';
import { announce, getThread } from './thread-reading.service.js';
import { setThreadResolution } from './threads.repository.js';

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
