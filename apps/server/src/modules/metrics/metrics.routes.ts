import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireWorkspace } from '../../authz/guards.js';

/** What an administrator (and the benchmark in bench/) reads about the running node. */
export const MetricsSchema = z.object({
  /** Documents held in memory by the collaboration endpoint (zero once all are idle). */
  loadedDocuments: z.number().int().nonnegative(),
  /** Open document connections. */
  connections: z.number().int().nonnegative(),
  /** True while storing document changes fails (busy or full storage); they are retried. */
  storageFailing: z.boolean(),
  /** V8 heap in use, in bytes. */
  heapUsed: z.number().nonnegative(),
});

/** `GET /api/admin/metrics`: loaded documents, connections and heap of this node. Admins only. */
export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/metrics',
    {
      ...requireWorkspace('administer'),
      schema: {
        tags: ['admin'],
        description:
          'Documents loaded by the collaboration endpoint, its open connections, whether storing document changes fails now, and the V8 heap in use on this node (read by bench/collab.bench.ts).',
        response: { 200: MetricsSchema },
      },
    },
    async () => {
      const { documents, connections, storageFailing } = app.collab.stats();
      return {
        loadedDocuments: documents,
        connections,
        storageFailing,
        heapUsed: process.memoryUsage().heapUsed,
      };
    },
  );
};
