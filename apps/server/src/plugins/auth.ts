import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { ErrorCodes } from '@mesa/shared';
import type { Actor } from '../authz/actor.js';
import type { ServiceContext } from '../lib/context.js';
import { SESSION_COOKIE, clearSessionCookie, validateSessionToken } from '../modules/auth/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. Set for every request before any route runs. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, sign-in, setup, invitations). */
    public?: boolean;
  }
}

/**
 * Resolves the session cookie to `request.actor` and refuses every API route that is not
 * marked `config: { public: true }` with 401 when there is no session. Pages of the web app
 * and static assets are public; they ask the API, which answers 401.
 */
export const authPlugin = fp<{ ctx: ServiceContext }>(async (app, { ctx }) => {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await validateSessionToken(ctx, token) : null;
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/') || request.routeOptions.config.public) return;
    if (request.actor) return;
    if (token) clearSessionCookie(reply);
    return reply
      .code(401)
      .send({ error: { code: ErrorCodes.unauthenticated, message: 'Sign in to continue.' } });
  });
});
