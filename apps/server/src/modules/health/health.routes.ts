import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, ErrorCodes, HealthSchema } from '@mesa/shared';
import { pingDb } from '../../db/client.js';
import { publicRoute } from '../../authz/guards.js';

/** `GET /api/health`: 200 only when the database answers. Public. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      ...publicRoute(),
      schema: { tags: ['health'], response: { 200: HealthSchema, 503: ErrorBodySchema } },
    },
    async (_request, reply) => {
      try {
        await pingDb(app.db);
        return { status: 'ok' as const };
      } catch {
        return reply.code(503).send({
          error: { code: ErrorCodes.serviceUnavailable, message: 'The database does not answer.' },
        });
      }
    },
  );
};
