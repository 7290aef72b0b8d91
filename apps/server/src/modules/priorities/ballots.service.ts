import type { Ballot, BallotEntry, BallotRevision, SaveBallotInput } from '@mesa/shared';
import { ErrorCodes } from '@mesa/shared';
import { z } from 'zod';
import type { Actor } from '../../authz/actor.js';
import { delegationStanding, forbidden } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import {
  findBallotRow,
  findRoundRow,
  listBallotRevisionRows,
  listBallotRows,
  listBallotRowsOf,
  lockOpenRound,
  writeBallotIfCurrent,
  type RoundRow,
} from './priorities.repository.js';
import { parseEntries, presentBallot } from './priorities.presenter.js';
import { readFrozenBoard } from './round-board.js';

/** What a save answers: the stored ballot, or the current one when the save was stale. */
export type SaveBallotResult = { ok: true; ballot: Ballot } | { ok: false; current: Ballot };

async function roundRow(ctx: ServiceContext, id: string): Promise<RoundRow> {
  const row = await findRoundRow(ctx.db, id);
  if (!row) throw new NotFoundError('round');
  return row;
}

/** The delegation's ballot, or an empty one at revision 0 before its first save. */
async function ballotOf(ctx: ServiceContext, roundId: string, actor: Actor): Promise<Ballot> {
  const row = await findBallotRow(ctx.db, roundId, actor.organizationId);
  if (row) return presentBallot(row);
  return {
    roundId,
    organizationId: actor.organizationId,
    organizationName: actor.organizationName,
    entries: [],
    revision: 0,
    updatedBy: null,
    updatedAt: null,
  };
}

/** Throws 403 unless the person's organization is a delegation (its people see its ballot). */
async function requireDelegation(ctx: ServiceContext, actor: Actor): Promise<void> {
  if ((await delegationStanding(ctx, actor)) !== 'delegation') throw forbidden();
}

/** The person's own delegation's ballot (viewers of a delegation read it too). */
export async function getOwnBallot(ctx: ServiceContext, actor: Actor, roundId: string) {
  await roundRow(ctx, roundId);
  await requireDelegation(ctx, actor);
  return ballotOf(ctx, roundId, actor);
}

/** Refuses entries that repeat a program, name a non-candidate, or exceed the round's places. */
function checkEntries(round: RoundRow, input: SaveBallotInput): void {
  const candidates = new Set(z.array(z.string()).parse(JSON.parse(round.candidate_program_ids)));
  const ids = input.entries.map((e) => e.programId);
  const refuse = (message: string) => {
    throw new AppError(400, ErrorCodes.validation, `entries: ${message}`, 'entries');
  };
  if (ids.length > round.places) refuse(`at most ${round.places} programs`);
  if (new Set(ids).size !== ids.length) refuse('each program at most once');
  if (ids.some((id) => !candidates.has(id))) refuse('only candidate programs of the round');
}

/**
 * The entries to store: a rationale whose text is unchanged for its program keeps the language
 * it was written in (a member reordering in Spanish does not relabel an English rationale);
 * new or changed text takes the writer's language.
 */
function entriesToStore(
  actor: Actor,
  input: SaveBallotInput,
  stored: readonly BallotEntry[],
): BallotEntry[] {
  const before = new Map(stored.map((e) => [e.programId, e]));
  return input.entries.map((e) => {
    const rationale = e.rationale ? e.rationale : null;
    const previous = before.get(e.programId);
    const kept = rationale !== null && previous?.rationale === rationale;
    return {
      programId: e.programId,
      rationale,
      locale: kept ? previous.locale : actor.locale,
    };
  });
}

/**
 * Saves the delegation's ballot if it is still at `input.revision` (the caller checked
 * `vote`). A stale revision writes nothing and answers the ballot as stored now; a round that
 * closed meanwhile answers 409. New or changed rationales are stored in the writer's language.
 */
export async function saveBallot(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  input: SaveBallotInput,
): Promise<SaveBallotResult> {
  const round = await roundRow(ctx, roundId);
  checkEntries(round, input);
  const at = ctx.now().toISOString();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockOpenRound(trx, roundId, at))) return 'closed' as const;
    // Read inside the transaction: when the save is current, this is the ballot it edits.
    const stored = await findBallotRow(trx, roundId, actor.organizationId);
    const entries = entriesToStore(actor, input, stored ? parseEntries(stored.entries) : []);
    const written = await writeBallotIfCurrent(trx, {
      roundId,
      organizationId: actor.organizationId,
      entries: JSON.stringify(entries),
      basedOn: input.revision,
      by: actor.userId,
      at,
    });
    return written ? ('saved' as const) : ('stale' as const);
  });
  if (outcome === 'closed')
    throw new AppError(409, ErrorCodes.conflict, 'This round is closed; it is read-only.');
  const ballot = await ballotOf(ctx, roundId, actor);
  if (outcome === 'stale') return { ok: false, current: ballot };
  ctx.events.emit('ballot.saved', { roundId, organizationId: actor.organizationId });
  return { ok: true, ballot };
}

/** The delegation's saved revisions, newest first: who, when and what. */
export async function listOwnBallotRevisions(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<BallotRevision[]> {
  await roundRow(ctx, roundId);
  await requireDelegation(ctx, actor);
  const rows = await listBallotRevisionRows(ctx.db, roundId, actor.organizationId);
  return rows.map((r) => ({
    revision: r.revision,
    by: { id: r.created_by, name: r.name },
    at: r.created_at,
    entries: parseEntries(r.entries),
  }));
}

/**
 * Every counted ballot (the caller checked `viewResults`): while open those of the current
 * delegations; once closed those the frozen board counted, named as they stood at closing.
 */
export async function listBallots(ctx: ServiceContext, roundId: string): Promise<Ballot[]> {
  const round = await roundRow(ctx, roundId);
  if (round.state !== 'closed' || round.final_board === null)
    return (await listBallotRows(ctx.db, roundId)).map(presentBallot);
  const record = await readFrozenBoard(ctx, round.final_board);
  const counted = [...new Set(record.rows.flatMap((r) => r.rankedBy.map((b) => b.organizationId)))];
  return (await listBallotRowsOf(ctx.db, roundId, counted)).map((row) => {
    const ballot = presentBallot(row);
    const name = record.organizations[row.organization_id];
    return name ? { ...ballot, organizationName: name } : ballot;
  });
}
