import {
  RoundSubscriptionInputSchema,
  roundRoom,
  workspaceRoom,
  type RoundChanged,
} from '@mesa/shared';
import type { FastifyInstance } from 'fastify';
import { authorizeRound } from '../../authz/index.js';
import type { Realtime } from '../../realtime/io.js';
import { startRoundCloser } from './priorities.closer.js';

/**
 * The priorities' live layer: `round.subscribe` / `round.unsubscribe` (joining goes through
 * `can(read)`); `round.changed` to every signed-in connection (everyone sees rounds) and
 * `ballot.changed` to the round's room — never with a ballot's content: readers fetch it over
 * REST, which asks `can(viewResults)`, so hidden results cannot leak through a live event.
 * Also starts this node's round closer, stopped when the app closes.
 */
export function registerPrioritiesRealtime(app: FastifyInstance, realtime: Realtime): void {
  realtime.onConnection(({ socket, command }) => {
    socket.on(
      'round.subscribe',
      command(RoundSubscriptionInputSchema, async ({ roundId }, { actor }) => {
        await authorizeRound(app.ctx, actor, 'read', roundId);
        await socket.join(roundRoom(roundId));
        return { roundId };
      }),
    );
    socket.on(
      'round.unsubscribe',
      command(RoundSubscriptionInputSchema, async ({ roundId }) => {
        await socket.leave(roundRoom(roundId));
        return { roundId };
      }),
    );
  });
  const { io } = realtime;
  const roundChanged = (payload: RoundChanged) =>
    io.to(workspaceRoom()).emit('round.changed', payload);
  app.events.on('round.opened', ({ roundId }) => roundChanged({ roundId, change: 'opened' }));
  app.events.on('round.closed', ({ roundId }) => roundChanged({ roundId, change: 'closed' }));
  app.events.on('round.reopened', ({ roundId }) => roundChanged({ roundId, change: 'reopened' }));
  app.events.on('ballot.saved', ({ roundId, organizationId }) =>
    io.to(roundRoom(roundId)).emit('ballot.changed', { roundId, organizationId }),
  );
  const stop = startRoundCloser(app.ctx, app.log);
  app.addHook('preClose', async () => stop());
}
