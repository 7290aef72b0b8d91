import {
  ErrorCodes,
  LocaleSchema,
  OrganizationKindSchema,
  RoleSchema,
  workspaceAbilities,
  type WorkspaceAbilities,
} from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import { workspaceResource } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { dummyPasswordHash, verifyPassword } from '../../lib/passwords.js';
import {
  generateSessionToken,
  hashSecret,
  parseSessionToken,
  secretMatches,
} from './session-token.js';
import { assertLoginAllowed, attemptKeys, recordLoginFailure } from './login-limit.service.js';
import {
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  findUserByEmail,
  insertSession,
  touchSession,
} from './auth.repository.js';

// Writing last_active_at on every request would turn reads into writes: once a minute is precise
// enough, but four times per idle period when that is shorter, or a session in use would idle out.
function touchAfterMs(idleSeconds: number): number {
  return Math.min(60_000, (idleSeconds * 1000) / 4);
}

// A request waits this long at most for a bookkeeping write (usually ~1 ms); past it the write
// goes on alone, so a busy database (writes retried for seconds) never holds up a read.
const BOOKKEEPING_WAIT_MS = 100;

// Session bookkeeping (activity, removing an ended session) must never fail or stall the request
// it rides on: a busy or full database only costs the record, which is logged.
async function bookkeep(ctx: ServiceContext, write: Promise<void>, what: string): Promise<void> {
  const done = write.catch((error: unknown) =>
    ctx.log.warn({ err: error }, `${what} not recorded`),
  );
  let timer: NodeJS.Timeout | undefined;
  const enough = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, BOOKKEEPING_WAIT_MS);
  });
  await Promise.race([done, enough]);
  clearTimeout(timer);
}

/** Where a session was opened from, for the person's list of sessions. */
export interface SessionOrigin {
  userAgent: string | null;
  ip: string | null;
}

/** Opens a new session for a person and returns the cookie token (a new one every time). */
export async function createSession(
  ctx: ServiceContext,
  userId: string,
  origin: SessionOrigin,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const { id, secret, token } = generateSessionToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.session.maxSeconds * 1000);
  await insertSession(ctx.db, {
    id,
    secret_hash: hashSecret(secret),
    user_id: userId,
    created_at: now.toISOString(),
    last_active_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    user_agent: origin.userAgent?.slice(0, 300) ?? null,
    ip: origin.ip,
  });
  return { token, sessionId: id, expiresAt };
}

/**
 * Resolves a cookie token to the signed-in person, or null when it is malformed, unknown,
 * idle too long, past its absolute lifetime, or its person is deactivated. `touch: false`
 * checks without counting as activity (a live connection's periodic re-check must not keep
 * an unattended session alive past its idle timeout).
 */
export async function validateSessionToken(
  ctx: ServiceContext,
  token: string,
  options: { touch?: boolean } = {},
): Promise<Actor | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = await findSessionWithUser(ctx.db, parsed.id);
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
  const now = ctx.now().getTime();
  const idleUntil = Date.parse(row.last_active_at) + ctx.config.session.idleSeconds * 1000;
  if (now >= Date.parse(row.expires_at) || now >= idleUntil || !row.active) {
    await bookkeep(ctx, deleteSession(ctx.db, row.session_id), 'ended session removal');
    ctx.events.emit('session.ended', { sessionId: row.session_id, userId: row.user_id });
    return null;
  }
  const idleFor = now - Date.parse(row.last_active_at);
  if (options.touch !== false && idleFor > touchAfterMs(ctx.config.session.idleSeconds)) {
    const at = new Date(now).toISOString();
    await bookkeep(ctx, touchSession(ctx.db, row.session_id, at), 'session activity');
  }
  return {
    userId: row.user_id,
    sessionId: row.session_id,
    email: row.email,
    name: row.name,
    role: RoleSchema.parse(row.role),
    organizationId: row.organization_id,
    organizationKind: OrganizationKindSchema.parse(row.organization_kind),
    organizationName: { en: row.organization_name_en, es: row.organization_name_es },
    locale: LocaleSchema.parse(row.locale),
    timeZone: row.time_zone,
  };
}

/**
 * Checks an email and password; the same error, and the same cost, for either being wrong.
 * Failures count against the address and the account (429 past the limit); successes do not.
 */
export async function verifyCredentials(
  ctx: ServiceContext,
  email: string,
  password: string,
  ip: string,
): Promise<string> {
  const keys = attemptKeys(ip, email);
  await assertLoginAllowed(ctx, keys);
  const user = await findUserByEmail(ctx.db, email.trim().toLowerCase());
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.active) {
    await recordLoginFailure(ctx, keys);
    throw new AppError(401, ErrorCodes.invalidCredentials, 'The email or password is not right.');
  }
  return user.id;
}

/** The signed-in person's workspace abilities (inviting depends on what they coordinate). */
export async function describeAbilities(
  ctx: ServiceContext,
  actor: Actor,
): Promise<WorkspaceAbilities> {
  const resource = await workspaceResource(ctx, actor);
  return workspaceAbilities(actor, resource.type === 'workspace' ? resource.facts : undefined);
}

/**
 * Ends every session of a person except `keepSessionId` (password change), in the caller's
 * transaction; returns the ended ids so the caller emits `session.ended` after commit.
 */
export async function deleteSessionsOf(
  ctx: ServiceContext,
  userId: string,
  keepSessionId: string | null,
): Promise<string[]> {
  return deleteSessionsOfUser(ctx.db, userId, keepSessionId);
}

/** Emits `session.ended` for sessions a committed transaction deleted. */
export function announceEndedSessions(ctx: ServiceContext, userId: string, ids: string[]): void {
  for (const sessionId of ids) ctx.events.emit('session.ended', { sessionId, userId });
}

/** Ends one session and tells the live layers to close its connections. */
export async function endSession(
  ctx: ServiceContext,
  sessionId: string,
  userId: string,
): Promise<void> {
  await deleteSession(ctx.db, sessionId);
  ctx.events.emit('session.ended', { sessionId, userId });
}
