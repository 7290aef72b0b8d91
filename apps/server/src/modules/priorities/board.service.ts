import type { Board, ClosingBoardReply } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { findRoundRow, findUndoneClosing } from './priorities.repository.js';
import { presentClosing } from './priorities.presenter.js';
import { computeRoundBoard, readFrozenBoard, type BoardRecord } from './round-board.js';
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
  return boardOf(id, row.places, { rows, organizations });
}

function boardOf(roundId: string, places: number, record: BoardRecord): Board {
  const voting = new Set(record.rows.flatMap((r) => r.rankedBy.map((b) => b.organizationId)));
  return { roundId, places, votingDelegations: voting.size, ...record };
}

/**
 * The board an earlier closing froze, the record until the reopening `reopeningId` undid it
 * (the caller checked `read`: that board was published to everyone once the round closed), and
 * that closing. 404 for a reopening unknown or of another round, and for one recorded before
 * closings were kept (0014), which has no board to show.
 */
export async function getClosingBoard(
  ctx: ServiceContext,
  id: string,
  reopeningId: string,
): Promise<ClosingBoardReply> {
  const [row, undone] = await Promise.all([
    findRoundRow(ctx.db, id),
    findUndoneClosing(ctx.db, id, reopeningId),
  ]);
  if (!row || !undone) throw new NotFoundError('reopening');
  const closing = presentClosing(undone);
  if (!closing || undone.final_board === null) throw new NotFoundError('closing board');
  const board = boardOf(id, row.places, await readFrozenBoard(ctx, undone.final_board));
  return { board, closing };
}
