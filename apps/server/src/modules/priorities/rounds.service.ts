import { roundAbilities, type CreateRoundInput, type Round } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import { roundResource } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { ErrorCodes } from '@mesa/shared';
import { newId } from '../../lib/ids.js';
import {
  claimClose,
  findRoundRow,
  insertRoundRow,
  listDelegationRows,
  listDueRoundIds,
  listProgramIds,
  listReopenings,
  listRoundRows,
  listVotedOrganizationIds,
  namesOf,
  reopenRoundRow,
  storeFinalBoard,
  type RoundRow,
} from './priorities.repository.js';
import { presentRound } from './priorities.presenter.js';
import { freezeRoundBoard } from './round-board.js';

/** Refuses a closing time that is not in the future (400 on the `closesAt` field). */
function futureClosingTime(ctx: ServiceContext, closesAt: string): string {
  const at = new Date(closesAt);
  if (at.getTime() <= ctx.now().getTime())
    throw new AppError(400, ErrorCodes.validation, 'closesAt: must be in the future', 'closesAt');
  return at.toISOString();
}

async function roundFor(ctx: ServiceContext, actor: Actor, row: RoundRow): Promise<Round> {
  const [resource, delegations, voted, reopenings] = await Promise.all([
    roundResource(ctx, actor, row.id),
    listDelegationRows(ctx.db),
    listVotedOrganizationIds(ctx.db, row.id),
    listReopenings(ctx.db, [row.id]),
  ]);
  const ids = [row.opened_by, ...(row.closed_by ? [row.closed_by] : [])];
  const standing = resource.facts.standing;
  return presentRound(row, {
    names: await namesOf(ctx.db, ids),
    reopenings,
    delegations: delegations.map((d) => ({
      id: d.id,
      name: { en: d.short_name_en, es: d.short_name_es },
      voted: voted.has(d.id),
    })),
    abilities: roundAbilities(actor, resource.facts),
    myDelegationId: standing === 'delegation' ? actor.organizationId : null,
  });
}

/** Every round, newest first (every signed-in person sees them); past-due ones closed first. */
export async function listRounds(ctx: ServiceContext, actor: Actor): Promise<Round[]> {
  await closeDueRounds(ctx);
  const rows = await listRoundRows(ctx.db);
  return Promise.all(rows.map((row) => roundFor(ctx, actor, row)));
}

/** One round as the person sees it; 404 when missing. */
export async function getRound(ctx: ServiceContext, actor: Actor, id: string): Promise<Round> {
  await closeDueRounds(ctx);
  const row = await findRoundRow(ctx.db, id);
  if (!row) throw new NotFoundError('round');
  return roundFor(ctx, actor, row);
}

/** Opens a round (the caller checked `openRound`); candidates default to every program. */
export async function openRound(
  ctx: ServiceContext,
  actor: Actor,
  input: Required<Pick<CreateRoundInput, 'places' | 'resultsVisibility'>> & CreateRoundInput,
): Promise<Round> {
  const all = await listProgramIds(ctx.db);
  const candidates = [...new Set(input.candidateProgramIds ?? all)];
  const unknown = candidates.find((id) => !all.includes(id));
  if (unknown)
    throw new AppError(
      400,
      ErrorCodes.validation,
      'candidateProgramIds: no such program',
      'candidateProgramIds',
    );
  const id = newId();
  await insertRoundRow(ctx.db, {
    id,
    title_en: input.title.en,
    title_es: input.title.es,
    candidate_program_ids: JSON.stringify(candidates),
    places: Math.min(input.places, candidates.length),
    closes_at: futureClosingTime(ctx, input.closesAt),
    results_visibility: input.resultsVisibility,
    state: 'open',
    opened_by: actor.userId,
    opened_at: ctx.now().toISOString(),
    closed_at: null,
    closed_by: null,
    final_board: null,
  });
  ctx.events.emit('round.opened', { roundId: id });
  return getRound(ctx, actor, id);
}

/**
 * Closes a round once: the conditional update claims the transition, and only the caller
 * whose update changed the row freezes the board and emits `round.closed`. True if it did.
 */
async function closeOnce(ctx: ServiceContext, id: string, by: string | null): Promise<boolean> {
  const closed = await ctx.db.transaction().execute(async (trx) => {
    const claimed = await claimClose(trx, id, { at: ctx.now().toISOString(), by });
    if (!claimed) return false;
    const row = await findRoundRow(trx, id);
    if (row) await storeFinalBoard(trx, id, await freezeRoundBoard({ ...ctx, db: trx }, row));
    return true;
  });
  if (closed) ctx.events.emit('round.closed', { roundId: id });
  return closed;
}

/** Closes every open round whose closing time has passed (any node may call it). */
export async function closeDueRounds(ctx: ServiceContext): Promise<void> {
  for (const id of await listDueRoundIds(ctx.db, ctx.now().toISOString())) {
    await closeOnce(ctx, id, null);
  }
}

/** The owner closes a round early (the caller checked `close`); 409 if it closed meanwhile. */
export async function closeRound(ctx: ServiceContext, actor: Actor, id: string): Promise<Round> {
  if (!(await closeOnce(ctx, id, actor.userId)))
    throw new AppError(409, ErrorCodes.conflict, 'This round is already closed.');
  return getRound(ctx, actor, id);
}

/** An admin reopens a closed round with a new closing time (the caller checked `reopen`). */
export async function reopenRound(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  closesAt: string,
): Promise<Round> {
  const at = futureClosingTime(ctx, closesAt);
  await closeDueRounds(ctx);
  const now = ctx.now().toISOString();
  const reopened = await ctx.db
    .transaction()
    .execute((trx) =>
      reopenRoundRow(trx, id, { id: newId(), closesAt: at, by: actor.userId, at: now }),
    );
  if (!reopened) throw new AppError(409, ErrorCodes.conflict, 'This round is already open.');
  ctx.events.emit('round.reopened', { roundId: id });
  return getRound(ctx, actor, id);
}
