import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, HealthSchema } from '@mesa/shared';
import { publicRoute } from '../../authz/guards.js';
import { findHealthProblem } from './health.service.js';

/**
 * `GET /api/health`: 200 when the database answers and can take writes; 503 with Retry-After
 * and `service_unavailable` (no answer, or locked by another process) or `storage_full`. Public.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      ...publicRoute(),
      schema: {
        tags: ['health'],
        description:
          '200 when the database answers and can take writes; 503 with Retry-After otherwise: `service_unavailable` (no answer, or its write lock is held by another process) or `storage_full` (a write just met a full disk, or the SQLite disk has under 1 MiB free).',
        response: { 200: HealthSchema, 503: ErrorBodySchema },
      },
    },
    async (_request, reply) => {
      const problem = await findHealthProblem({
        db: app.db,
        dataDir: app.config.dataDir,
        faults: app.storageFaults,
        documentsFailing: () => app.collab.stats().storageFailing,
      });
      if (!problem) return { status: 'ok' as const };
      reply.header('Retry-After', String(problem.retryAfter));
      return reply.code(503).send({ error: { code: problem.code, message: problem.message } });
    },
  );
};
