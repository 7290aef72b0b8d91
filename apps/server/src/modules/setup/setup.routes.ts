import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountCreatedReplySchema,
  ErrorBodySchema,
  SetupInputSchema,
  SetupStatusSchema,
  TokenParamsSchema,
} from '@mesa/shared';
import { publicRoute } from '../../authz/guards.js';
import type { ServiceContext } from '../../lib/context.js';
import { signIn } from '../auth/index.js';
import { checkSetupToken, completeSetup } from './setup.service.js';

/** The one-time setup link that creates the first administrator. Public. */
export const setupRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/setup/:token',
    {
      ...publicRoute(),
      schema: {
        tags: ['setup'],
        params: TokenParamsSchema,
        response: { 200: SetupStatusSchema, 404: ErrorBodySchema },
      },
    },
    async (request) => {
      await checkSetupToken(ctx, request.params.token);
      return { valid: true as const };
    },
  );

  app.post(
    '/api/setup/:token',
    {
      ...publicRoute(),
      schema: {
        tags: ['setup'],
        description:
          'Creates the first administrator (SICA General Secretariat) in the `locale` and `timeZone` sent (else MESA_DEFAULT_LOCALE and UTC), signs them in and kills the link. 404 `setup_unavailable` afterwards; 400 `weak_password`, 400 `validation_failed` for an unknown locale or time zone.',
        params: TokenParamsSchema,
        body: SetupInputSchema,
        response: { 201: AccountCreatedReplySchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const userId = await completeSetup(ctx, request.params.token, request.body);
      const user = await signIn(ctx, reply, userId, request.headers['user-agent'], request.ip);
      return reply.code(201).send({ user });
    },
  );
};
