import {
  BoardRowSchema,
  LocalizedTextSchema,
  computeBoard,
  type BoardRow,
  type LocalizedText,
} from '@mesa/shared';
import { z } from 'zod';
import type { ServiceContext } from '../../lib/context.js';
import {
  listBallotRows,
  listCandidateRows,
  listDelegationRows,
  listOrganizationNameRows,
  type RoundRow,
} from './priorities.repository.js';
import { parseEntries, presentCandidate } from './priorities.presenter.js';

/** A board's lines and the names of the delegations they mention. */
export interface BoardRecord {
  rows: BoardRow[];
  organizations: Record<string, LocalizedText>;
}

// What `final_board` holds: since 0014 the rows with the delegations' names as they stood at
// closing; before, bare rows (names then come from the organizations as they are now).
const StoredBoardSchema = z.union([
  z.object({
    rows: z.array(BoardRowSchema),
    organizations: z.record(z.string(), LocalizedTextSchema),
  }),
  z.array(BoardRowSchema),
]);

/**
 * The board from the round's ballots as they stand now, counting only the ballots of
 * organizations that are delegations now, with the current delegations' names.
 */
export async function computeRoundBoard(ctx: ServiceContext, row: RoundRow): Promise<BoardRecord> {
  const ids = z.array(z.string()).parse(JSON.parse(row.candidate_program_ids));
  const [programs, ballots, delegations] = await Promise.all([
    listCandidateRows(ctx.db, ids),
    listBallotRows(ctx.db, row.id),
    listDelegationRows(ctx.db),
  ]);
  const rows = computeBoard(
    row.places,
    programs.map(presentCandidate),
    ballots.map((b) => ({ organizationId: b.organization_id, entries: parseEntries(b.entries) })),
  );
  const organizations = Object.fromEntries(
    delegations.map((d) => [d.id, { en: d.short_name_en, es: d.short_name_es }]),
  );
  return { rows, organizations };
}

/** The board to freeze at closing, as stored: lines and names as they stand at that moment. */
export async function freezeRoundBoard(ctx: ServiceContext, row: RoundRow): Promise<string> {
  return JSON.stringify(await computeRoundBoard(ctx, row));
}

/** A frozen board as stored; a record from before 0014 takes the names its rows mention now. */
export async function readFrozenBoard(ctx: ServiceContext, json: string): Promise<BoardRecord> {
  const stored = StoredBoardSchema.parse(JSON.parse(json));
  if (!Array.isArray(stored)) return stored;
  const ids = [...new Set(stored.flatMap((r) => r.rankedBy.map((b) => b.organizationId)))];
  const names = await listOrganizationNameRows(ctx.db, ids);
  return {
    rows: stored,
    organizations: Object.fromEntries(
      names.map((n) => [n.id, { en: n.short_name_en, es: n.short_name_es }]),
    ),
  };
}
