import { roundRoom, type ThreadSubject } from '@mesa/shared';
import { can, programResource, roundResource, type Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { registerThreadSubject, type ResolvedSubject } from '../threads/index.js';
import { findRoundRow } from './priorities.repository.js';

type RoundProgramSubject = Extract<ThreadSubject, { kind: 'roundProgram' }>;

/** The line's program as a policy resource, or null once it is gone. */
async function lineProgram(ctx: ServiceContext, actor: Actor, programId: string) {
  return programResource(ctx, actor, programId).catch((err: unknown) => {
    if (err instanceof NotFoundError) return null;
    throw err;
  });
}

/**
 * Threads on a program's line of a round's board (subject `roundProgram`): they belong to the
 * round, so everyone who sees the round (everyone signed in) reads them; commenting follows the
 * round's `comment` ability (not viewers; nobody once the round is closed, the record); the
 * program's `moderateComments` (its coordinators and admins) resolves anyone's thread and its
 * `administer` deletes anyone's comment, as on the program's own threads; a thread's author
 * resolves it while they may comment. Events go to the round's room, joined through
 * `round.subscribe` (`can(read)`). A line exists only for a candidate program of an existing
 * round.
 */
export function registerRoundThreads(): void {
  registerThreadSubject('roundProgram', async (ctx, subject: RoundProgramSubject) => {
    const round = await findRoundRow(ctx.db, subject.roundId);
    if (!round) return null;
    const candidates = JSON.parse(round.candidate_program_ids) as unknown;
    if (!Array.isArray(candidates) || !candidates.includes(subject.programId)) return null;
    const resolved: ResolvedSubject = {
      subject,
      key: `${subject.roundId}:${subject.programId}`,
      programId: null,
      room: roundRoom(subject.roundId),
      document: null,
      async abilities(actor) {
        const resource = await roundResource(ctx, actor, subject.roundId).catch((err: unknown) => {
          if (err instanceof NotFoundError) return null;
          throw err;
        });
        const program = await lineProgram(ctx, actor, subject.programId);
        return {
          read: resource !== null && can(actor, 'read', resource),
          comment: resource !== null && can(actor, 'comment', resource),
          moderate: program !== null && can(actor, 'moderateComments', program),
          administer: program !== null && can(actor, 'administer', program),
        };
      },
      // Every signed-in person sees a round, so anyone may be mentioned on its lines.
      readersAmong: (people) => Promise.resolve([...people]),
    };
    return resolved;
  });
}
