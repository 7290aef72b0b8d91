import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ComponentSchema, IdSchema, ProgramReplySchema, ProgramSchema, listOf } from '@mesa/shared';
import { getProgram, listComponents, listPrograms } from './portfolio.service.js';

/** Components and programs: the portfolio. */
export const portfolioRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/components',
    { schema: { tags: ['portfolio'], response: { 200: listOf(ComponentSchema) } } },
    async () => ({ data: await listComponents(app.db.kysely) }),
  );

  app.get(
    '/api/programs',
    { schema: { tags: ['portfolio'], response: { 200: listOf(ProgramSchema) } } },
    async () => ({ data: await listPrograms(app.db.kysely) }),
  );

  app.get(
    '/api/programs/:id',
    {
      schema: {
        tags: ['portfolio'],
        params: z.object({ id: IdSchema }),
        response: { 200: ProgramReplySchema },
      },
    },
    async (request) => ({ program: await getProgram(app.db.kysely, request.params.id) }),
  );
};
