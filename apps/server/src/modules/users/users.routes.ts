import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema,
  IdParamsSchema,
  PersonSchema,
  UpdateUserInputSchema,
  listOf,
} from '@mesa/shared';
import { requireWorkspace } from '../../authz/guards.js';
import type { ServiceContext } from '../../lib/context.js';
import { listPeople, updatePerson } from './users.service.js';

/** People of the workspace (administrators). */
export const usersRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/users',
    {
      ...requireWorkspace('administer'),
      schema: { tags: ['admin'], response: { 200: listOf(PersonSchema) } },
    },
    async () => ({ data: await listPeople(ctx) }),
  );

  app.patch(
    '/api/users/:id',
    {
      ...requireWorkspace('administer'),
      schema: {
        tags: ['admin'],
        description:
          'Changes a role (emits access.changed) or deactivates (ends their sessions at once: user.deactivated, session.ended). 409 for the last active admin.',
        params: IdParamsSchema,
        body: UpdateUserInputSchema,
        response: {
          200: z.object({ user: PersonSchema }),
          404: ErrorBodySchema,
          409: ErrorBodySchema,
        },
      },
    },
    async (request) => ({
      user: await updatePerson(ctx, request.actor!, request.params.id, request.body),
    }),
  );
};
