import type { ServiceContext } from '../../lib/context.js';
import { TooManyRequestsError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { countFailuresSince, insertFailures, pruneFailures } from './login-limit.repository.js';

/** The keys a sign-in attempt counts under: its address and the account it names. */
export function attemptKeys(ip: string, email: string): string[] {
  return [`ip:${ip}`, `account:${email.trim().toLowerCase()}`];
}

function windowStart(ctx: ServiceContext): Date {
  return new Date(ctx.now().getTime() - ctx.config.login.windowSeconds * 1000);
}

/**
 * Throws 429 (with the seconds until the oldest failure leaves the window) when the address
 * or the account already has `MESA_LOGIN_MAX_FAILURES` failures in the window. Checked
 * before the password, so a locked account costs no hashing.
 */
export async function assertLoginAllowed(ctx: ServiceContext, keys: string[]): Promise<void> {
  const since = windowStart(ctx).toISOString();
  const counts = await countFailuresSince(ctx.db, keys, since);
  const over = counts.filter((c) => c.count >= ctx.config.login.maxFailures);
  if (over.length === 0) return;
  const now = ctx.now().getTime();
  const waits = over.map((c) => Date.parse(c.oldest) + ctx.config.login.windowSeconds * 1000 - now);
  throw new TooManyRequestsError(Math.max(1, Math.ceil(Math.max(...waits) / 1000)));
}

/** Records a failed sign-in under each key and forgets failures older than the window. */
export async function recordLoginFailure(ctx: ServiceContext, keys: string[]): Promise<void> {
  const at = ctx.now().toISOString();
  await insertFailures(
    ctx.db,
    keys.map((key) => ({ id: newId(), key, at })),
  );
  await pruneFailures(ctx.db, windowStart(ctx).toISOString());
}
