import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireWorkspace } from '../../authz/guards.js';

/** `GET /api/docs/openapi.json`: the API described from the route schemas (administrators). */
export const docsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/docs/openapi.json',
    {
      ...requireWorkspace('administer'),
      schema: {
        tags: ['docs'],
        description: 'The OpenAPI 3 document of this server, generated from its route schemas.',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );
};
