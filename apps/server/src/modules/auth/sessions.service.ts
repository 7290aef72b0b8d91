import { ErrorCodes, type ChangePasswordInput, type SessionInfo } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, NotFoundError, WeakPasswordError } from '../../lib/errors.js';
import { passwordProblemMessages, passwordProblems } from '../../lib/password-policy.js';
import { hashPassword, verifyPassword } from '../../lib/passwords.js';
import {
  deleteOwnSession,
  deleteSessionsOfUser,
  findUserById,
  listSessionsOfUser,
  updatePasswordHash,
} from './auth.repository.js';
import { announceEndedSessions } from './auth.service.js';
import { assertLoginAllowed, recordLoginFailure } from './login-limit.service.js';
import { presentSession } from './sessions.presenter.js';

/** The signed-in person's sessions, the current one marked. */
export async function listOwnSessions(ctx: ServiceContext, actor: Actor): Promise<SessionInfo[]> {
  const rows = await listSessionsOfUser(ctx.db, actor.userId);
  return rows.map((row) => presentSession(row, actor.sessionId));
}

/** Ends one of the person's own sessions; 404 for any other id, theirs or not. */
export async function revokeOwnSession(
  ctx: ServiceContext,
  actor: Actor,
  sessionId: string,
): Promise<void> {
  if (!(await deleteOwnSession(ctx.db, actor.userId, sessionId))) {
    throw new NotFoundError('session');
  }
  announceEndedSessions(ctx, actor.userId, [sessionId]);
}

/**
 * Refuses a new password that breaks the rules: `weak_password` naming the field and, in
 * `reasons`, every rule it breaks, so the form can say exactly what is wrong at the field.
 */
export async function assertStrongPassword(
  password: string,
  email: string,
  field: string,
): Promise<void> {
  const problems = await passwordProblems(password, email);
  if (problems.length === 0) return;
  const message = problems.map((p) => passwordProblemMessages[p]).join(' ');
  throw new WeakPasswordError(problems, message, field);
}

/**
 * Changes the person's password after checking the current one (wrong guesses count against
 * the account's sign-in limit), and ends every other session of theirs.
 */
export async function changePassword(
  ctx: ServiceContext,
  actor: Actor,
  input: ChangePasswordInput,
): Promise<void> {
  const keys = [`account:${actor.email}`];
  await assertLoginAllowed(ctx, keys);
  const user = await findUserById(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordLoginFailure(ctx, keys);
    throw new AppError(
      400,
      ErrorCodes.invalidCredentials,
      'The current password is not right.',
      'currentPassword',
    );
  }
  await assertStrongPassword(input.newPassword, actor.email, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  const ended = await ctx.db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, actor.userId, hash, ctx.now().toISOString());
    return deleteSessionsOfUser(trx, actor.userId, actor.sessionId);
  });
  announceEndedSessions(ctx, actor.userId, ended);
}
