import type { Board } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { findRoundRow } from './priorities.repository.js';
import { computeRoundBoard, readFrozenBoard } from './round-board.js';
import { closeDueRounds } from './rounds.service.js';

/**
 * The board of a round (the caller checked `viewResults`): while open computed from the
 * ballots of the current delegations as they stand; once closed the board frozen at close,
 * the record, with the delegations' names as they stood then.
 */
export async function getBoard(ctx: ServiceContext, _actor: Actor, id: string): Promise<Board> {
  await closeDueRounds(ctx);
  const row = await findRoundRow(ctx.db, id);
  if (!row) throw new NotFoundError('round');
  const { rows, organizations } =
    row.state === 'closed' && row.final_board !== null
      ? await readFrozenBoard(ctx, row.final_board)
      : await computeRoundBoard(ctx, row);
  const voting = new Set(rows.flatMap((r) => r.rankedBy.map((b) => b.organizationId)));
  return { roundId: id, places: row.places, votingDelegations: voting.size, organizations, rows };
}
