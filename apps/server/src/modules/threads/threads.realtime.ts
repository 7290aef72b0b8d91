import type { FastifyInstance } from 'fastify';
import type { Realtime } from '../../realtime/io.js';

/**
 * The threads' live layer: every change of a thread (the `thread.changed` domain event,
 * emitted after the commit) is sent as the live `thread.changed` to its subject's room — for
 * plans and programs the program's room, joined only through `program.subscribe` (`can(read)`)
 * — so nobody without access hears of it. The event carries the thread as everyone sees it
 * (no reader's abilities), assembled by the service from the rows it read after the commit;
 * it goes out as it is, without reading the database again.
 */
export function registerThreadsRealtime(app: FastifyInstance, realtime: Realtime): void {
  app.events.on('thread.changed', ({ change, room, thread }) => {
    realtime.io.to(room).emit('thread.changed', { change, thread });
  });
}
