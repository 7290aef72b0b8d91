import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../authz/actor.js';
import { validateSessionToken } from './auth.service.js';
import { SESSION_COOKIE } from './session-cookie.js';

/** The auth module: sessions, sign-in, the signed-in person. */
export { authRoutes, signIn } from './auth.routes.js';
export { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from './session-cookie.js';
export { sessionsRoutes } from './sessions.routes.js';
export { assertStrongPassword } from './sessions.service.js';
export {
  announceEndedSessions,
  createSession,
  deleteSessionsOf,
  endSession,
  validateSessionToken,
  verifyCredentials,
} from './auth.service.js';
export { insertUser, findUserByEmail, findUserById } from './auth.repository.js';
export { generateOneTimeToken, hashSecret } from './session-token.js';

/**
 * Resolves a raw Cookie header (e.g. of a websocket upgrade) to the signed-in person, or null.
 * `touch: false` re-checks a live connection without counting as activity.
 */
export async function authenticateCookieHeader(
  app: FastifyInstance,
  cookieHeader: string | undefined,
  options: { touch?: boolean } = {},
): Promise<Actor | null> {
  if (!cookieHeader) return null;
  const token = app.parseCookie(cookieHeader)[SESSION_COOKIE];
  return token ? validateSessionToken(app.ctx, token, options) : null;
}
