import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordInputSchema, SessionParamsSchema, SessionsReplySchema } from '@mesa/shared';
import { signedIn } from '../../authz/guards.js';
import type { ServiceContext } from '../../lib/context.js';
import { changePassword, listOwnSessions, revokeOwnSession } from './sessions.service.js';
import { noContent } from '../../lib/no-content.js';

/** The signed-in person's own sessions and password. */
export const sessionsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/auth/sessions',
    { ...signedIn(), schema: { tags: ['auth'], response: { 200: SessionsReplySchema } } },
    async (request) => ({ data: await listOwnSessions(ctx, request.actor!) }),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      ...signedIn(),
      schema: {
        tags: ['auth'],
        description: 'Ends one of your sessions; 404 for a session that is not yours.',
        params: SessionParamsSchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await revokeOwnSession(ctx, request.actor!, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      ...signedIn(),
      schema: {
        tags: ['auth'],
        description:
          'Changes your password and ends every other session. 400 `invalid_credentials` for a wrong current password, 400 `weak_password` for a refused new one.',
        body: ChangePasswordInputSchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await changePassword(ctx, request.actor!, request.body);
      return reply.code(204).send(null);
    },
  );
};
