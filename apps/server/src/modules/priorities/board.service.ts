import { BoardRowSchema, type Board } from '@mesa/shared';
import { z } from 'zod';
import type { Actor } from '../../authz/actor.js';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { findRoundRow, listDelegationRows } from './priorities.repository.js';
import { closeDueRounds, computeRoundBoard } from './rounds.service.js';

/**
 * The board of a round (the caller checked `viewResults`): while open computed from the
 * ballots as they stand; once closed the board frozen at close, the record.
 */
export async function getBoard(ctx: ServiceContext, _actor: Actor, id: string): Promise<Board> {
  await closeDueRounds(ctx);
  const row = await findRoundRow(ctx.db, id);
  if (!row) throw new NotFoundError('round');
  const rows =
    row.state === 'closed' && row.final_board !== null
      ? z.array(BoardRowSchema).parse(JSON.parse(row.final_board))
      : await computeRoundBoard(ctx, row);
  const delegations = await listDelegationRows(ctx.db);
  const organizations = Object.fromEntries(
    delegations.map((d) => [d.id, { en: d.short_name_en, es: d.short_name_es }]),
  );
  const voting = new Set(rows.flatMap((r) => r.rankedBy.map((b) => b.organizationId)));
  return { roundId: id, places: row.places, votingDelegations: voting.size, organizations, rows };
}
