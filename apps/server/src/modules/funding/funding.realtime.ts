import { workspaceRoom } from '@mesa/shared';
import type { FastifyInstance } from 'fastify';

/**
 * The funding live layer: every `funding.changed` domain event goes to every signed-in
 * connection (the totals are everyone's, like the portfolio) as `funding.changed` with where
 * the figures changed and never the record: readers fetch records through REST, which asks
 * `can(read)`. Through the Redis adapter it reaches every node's connections.
 */
export function registerFundingRealtime(app: FastifyInstance): void {
  app.events.on('funding.changed', ({ programId, all }) => {
    app.realtime.io.to(workspaceRoom()).emit('funding.changed', { programId, all });
  });
}
