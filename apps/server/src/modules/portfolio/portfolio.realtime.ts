import {
  ProgramSubscriptionInputSchema,
  programRoom,
  workspaceRoom,
  type ProgramChanged,
  type ProgramDetails,
  type ProgramSummary,
} from '@mesa/shared';
import type { FastifyInstance } from 'fastify';
import { authorizeProgram } from '../../authz/index.js';
import type { Realtime } from '../../realtime/io.js';
import { getProgramDetails } from './portfolio.service.js';

function summarize(p: ProgramDetails): ProgramSummary {
  const { id, code, titleEn, titleEs, componentId, priority, status } = p;
  return { id, code, titleEn, titleEs, componentId, priority, status };
}

/** What changed: the program itself, or only who holds which relation to it (its leads). */
type Fanned = ProgramChanged['change'] | 'relations';

async function fanOutProgram(app: FastifyInstance, programId: string, what: Fanned): Promise<void> {
  const details = await getProgramDetails(app.ctx, programId);
  if (!details) return;
  const { io } = app.realtime;
  const change = what === 'created' ? 'created' : 'updated';
  const base = { programId, change, summary: summarize(details) } as const;
  // Everyone sees the portfolio; only the program's room (joined after `can(read)`) gets details.
  // Relations touch no portfolio field: only the room hears of them (the lead detail).
  if (what !== 'relations')
    io.to(workspaceRoom()).except(programRoom(programId)).emit('program.changed', base);
  io.to(programRoom(programId)).emit('program.changed', { ...base, details });
}

/**
 * The portfolio's live layer: `program.subscribe` / `program.unsubscribe` (joining goes
 * through `can(read)`), and `program.created` / `program.updated` fanned out as
 * `program.changed`; an organization's relation set or removed re-sends the details to the
 * program's room, since its lead organizations are the holders of the Lead relation.
 */
export function registerPortfolioRealtime(app: FastifyInstance, realtime: Realtime): void {
  realtime.onConnection(({ socket, command }) => {
    socket.on(
      'program.subscribe',
      command(ProgramSubscriptionInputSchema, async ({ programId }, { actor }) => {
        await authorizeProgram(app.ctx, actor, 'read', programId);
        await socket.join(programRoom(programId));
        return { programId };
      }),
    );
    socket.on(
      'program.unsubscribe',
      command(ProgramSubscriptionInputSchema, async ({ programId }) => {
        await socket.leave(programRoom(programId));
        return { programId };
      }),
    );
  });
  const fanOut = (programId: string, what: Fanned) =>
    fanOutProgram(app, programId, what).catch((err: unknown) =>
      app.log.error({ err, programId }, 'program fan-out failed'),
    );
  app.events.on('program.created', ({ programId }) => void fanOut(programId, 'created'));
  app.events.on('program.updated', ({ programId }) => void fanOut(programId, 'updated'));
  // A connection of an organization that just lost its relation may hear this one before the
  // access re-check takes it out of the room: it learns only the leads its removal left.
  app.events.on('access.changed', ({ programId, organizationId }) => {
    if (programId !== null && organizationId !== null) void fanOut(programId, 'relations');
  });
}
