import { Limits } from '@mesa/shared';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/index.js';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { TooManyRequestsError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { countWritesSince, lockPersonForWrites, recordWrite } from './threads.repository.js';

const WINDOW_MS = 60_000;

/** What a person's per-minute limits count: threads opened, comments, mention suggestions. */
export type LimitedKind = 'thread' | 'comment' | 'suggestion';

const PER_MINUTE: Record<LimitedKind, number> = {
  thread: Limits.threadsPerMinute,
  comment: Limits.commentsPerMinute,
  suggestion: Limits.mentionSuggestionsPerMinute,
};

const WHAT: Record<LimitedKind, string> = {
  thread: 'threads opened',
  comment: 'comments posted or edited',
  suggestion: 'mention suggestions asked for',
};

/**
 * Counts the request against the person's per-minute limit of its kind inside `trx`: 429
 * (and the transaction rolls back, so nothing is stored) when the limit is reached. Counted
 * in the database (`comment_writes`), so the limit holds whichever node serves each request.
 */
export async function countWrite(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  actor: Actor,
  kind: LimitedKind,
): Promise<void> {
  const now = ctx.now();
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  await lockPersonForWrites(trx, actor.userId, ctx.config.databaseUrl !== null);
  const { count, oldest } = await countWritesSince(trx, actor.userId, kind, since);
  if (count >= PER_MINUTE[kind]) {
    const wait = oldest === null ? 60 : (Date.parse(oldest) + WINDOW_MS - now.getTime()) / 1000;
    const seconds = Math.max(1, Math.ceil(wait));
    throw new TooManyRequestsError(
      seconds,
      `Too many ${WHAT[kind]} in a minute; try again in ${seconds} seconds.`,
    );
  }
  await recordWrite(
    trx,
    { id: newId(), user_id: actor.userId, kind, at: now.toISOString() },
    since,
  );
}
