import type { FastifyInstance } from 'fastify';
import type { Realtime } from '../../realtime/io.js';
import type { ThreadsDeps } from './thread-access.service.js';
import { threadForEveryone } from './thread-reading.service.js';

/**
 * The threads' live layer: every change of a thread (the `thread.changed` domain event,
 * emitted after the commit) is sent as the live `thread.changed` to its subject's room — for
 * plans and programs the program's room, joined only through `program.subscribe` (`can(read)`)
 * — so nobody without access hears of it. The payload carries no reader's abilities.
 */
export function registerThreadsRealtime(
  app: FastifyInstance,
  realtime: Realtime,
  deps: ThreadsDeps,
): void {
  app.events.on('thread.changed', ({ threadId, change }) => {
    threadForEveryone(deps, threadId)
      .then((found) => {
        if (found)
          realtime.io.to(found.room).emit('thread.changed', { change, thread: found.thread });
      })
      .catch((err: unknown) => app.log.error({ err, threadId }, 'thread fan-out failed'));
  });
}
