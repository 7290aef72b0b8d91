import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import {
  LoginInputSchema,
  LoginReplySchema,
  MeReplySchema,
  workspaceAbilities,
} from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import {
  createSession,
  endSession,
  validateSessionToken,
  verifyCredentials,
} from './auth.service.js';
import { presentActor } from './auth.presenter.js';

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

/** Sign-in, sign-out and the signed-in person. */
export const authRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: LoginInputSchema, response: { 200: LoginReplySchema } },
    },
    async (request, reply) => {
      const userId = await verifyCredentials(ctx, request.body.email, request.body.password);
      const origin = { userAgent: request.headers['user-agent'] ?? null, ip: request.ip };
      const session = await createSession(ctx, userId, origin);
      setSessionCookie(ctx, reply, session.token, session.expiresAt);
      const actor = await validateSessionToken(ctx, session.token);
      if (!actor) throw new Error('a session just created did not validate');
      return { user: presentActor(actor) };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'] } },
    async (request, reply) => {
      if (request.actor) await endSession(ctx, request.actor.sessionId, request.actor.userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], response: { 200: MeReplySchema } } },
    async (request) => {
      const actor = request.actor!;
      return { user: presentActor(actor), abilities: workspaceAbilities(actor) };
    },
  );
};
