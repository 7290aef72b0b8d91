import type { FastifyReply } from 'fastify';
import type { ServiceContext } from '../../lib/context.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'mesa_session';

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, until the absolute expiry. */
export function setSessionCookie(
  ctx: ServiceContext,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https:'),
    expires: expiresAt,
  });
}

/** Removes the session cookie (sign-out, or a cookie whose session is gone). */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
