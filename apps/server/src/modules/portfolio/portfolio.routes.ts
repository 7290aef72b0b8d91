import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../lib/context.js';
import { ComponentSchema, IdSchema, ProgramReplySchema, ProgramSchema, listOf } from '@mesa/shared';
import { getProgram, listComponents, listPrograms } from './portfolio.service.js';
import { requireProgram, requireWorkspace } from '../../authz/guards.js';

/** Components and programs: the portfolio. */
export const portfolioRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/components',
    {
      ...requireWorkspace('readPortfolio'),
      schema: { tags: ['portfolio'], response: { 200: listOf(ComponentSchema) } },
    },
    async () => ({ data: await listComponents(ctx) }),
  );

  app.get(
    '/api/programs',
    {
      ...requireWorkspace('readPortfolio'),
      schema: { tags: ['portfolio'], response: { 200: listOf(ProgramSchema) } },
    },
    async (request) => ({ data: await listPrograms(ctx, request.actor!) }),
  );

  app.get(
    '/api/programs/:id',
    {
      ...requireProgram('read'),
      schema: {
        tags: ['portfolio'],
        params: z.object({ id: IdSchema }),
        response: { 200: ProgramReplySchema },
      },
    },
    async (request) => ({ program: await getProgram(ctx, request.actor!, request.params.id) }),
  );
};
