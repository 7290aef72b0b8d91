import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import {
  ErrorBodySchema,
  LoginInputSchema,
  type User,
  LoginReplySchema,
  MeReplySchema,
  ProfileReplySchema,
  UpdateMeInputSchema,
} from '@mesa/shared';
import { publicRoute, signedIn } from '../../authz/guards.js';
import type { ServiceContext } from '../../lib/context.js';
import {
  createSession,
  describeAbilities,
  endSession,
  validateSessionToken,
  verifyCredentials,
} from './auth.service.js';
import { presentActor } from './auth.presenter.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { updateProfile } from './profile.service.js';
import { noContent } from '../../lib/no-content.js';

/**
 * Opens a new session for a person, sets its cookie and returns the person as the API shows
 * them (sign-in, setup, invitation acceptance).
 */
export async function signIn(
  ctx: ServiceContext,
  reply: FastifyReply,
  userId: string,
  userAgent: string | undefined,
  ip: string,
): Promise<User> {
  const session = await createSession(ctx, userId, { userAgent: userAgent ?? null, ip });
  setSessionCookie(ctx, reply, session.token, session.expiresAt);
  const actor = await validateSessionToken(ctx, session.token);
  if (!actor) throw new Error('a session just created did not validate');
  return presentActor(actor);
}

/** Sign-in, sign-out and the signed-in person. */
export const authRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.post(
    '/api/auth/login',
    {
      ...publicRoute(),
      schema: {
        tags: ['auth'],
        description:
          'Signs in. 401 `invalid_credentials` alike for a wrong email or password; 429 with Retry-After past MESA_LOGIN_MAX_FAILURES failures per address or account in MESA_LOGIN_WINDOW_SECONDS.',
        body: LoginInputSchema,
        response: { 200: LoginReplySchema, 401: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const userId = await verifyCredentials(ctx, email, password, request.ip);
      return { user: await signIn(ctx, reply, userId, request.headers['user-agent'], request.ip) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      ...publicRoute(),
      schema: { tags: ['auth'], description: 'Signs out (204).', response: noContent },
    },
    async (request, reply) => {
      if (request.actor) await endSession(ctx, request.actor.sessionId, request.actor.userId);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    { ...signedIn(), schema: { tags: ['auth'], response: { 200: MeReplySchema } } },
    async (request) => {
      const actor = request.actor!;
      return { user: presentActor(actor), abilities: await describeAbilities(ctx, actor) };
    },
  );

  app.patch(
    '/api/me',
    {
      ...signedIn(),
      schema: {
        tags: ['auth'],
        description:
          'Changes your own name, interface language or time zone (any subset); 400 for an unknown time zone.',
        body: UpdateMeInputSchema,
        response: { 200: ProfileReplySchema, 400: ErrorBodySchema },
      },
    },
    async (request) => ({ user: await updateProfile(ctx, request.actor!, request.body) }),
  );
};
