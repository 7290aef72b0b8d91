import {
  BallotConflictSchema,
  BallotReplySchema,
  BallotRevisionSchema,
  BallotSchema,
  BoardReplySchema,
  ClosingBoardReplySchema,
  RoundReplySchema,
  RoundSchema,
  listOf,
  type Ballot,
  type BallotRevision,
  type Board,
  type ClosingBoardReply,
  type CreateRoundInput,
  type Round,
  type SaveBallotInput,
} from '@mesa/shared';
import { ApiError, getJson, sendJson } from './api';

const base = (roundId: string) => `/api/rounds/${encodeURIComponent(roundId)}`;
const closingBase = (roundId: string, reopeningId: string) =>
  `${base(roundId)}/closings/${encodeURIComponent(reopeningId)}`;

/** Every priority round, newest first. */
export async function fetchRounds(signal?: AbortSignal): Promise<Round[]> {
  return (await getJson('/api/rounds', listOf(RoundSchema), signal)).data;
}

/** One round. */
export async function fetchRound(roundId: string, signal?: AbortSignal): Promise<Round> {
  return (await getJson(base(roundId), RoundReplySchema, signal)).round;
}

/** Opens a round (admins). */
export async function createRound(input: CreateRoundInput): Promise<Round> {
  return (await sendJson('POST', '/api/rounds', input, RoundReplySchema)).round;
}

/** The owner closes the round now. */
export async function closeRound(roundId: string): Promise<Round> {
  return (await sendJson('POST', `${base(roundId)}/close`, undefined, RoundReplySchema)).round;
}

/** An admin reopens a closed round until `closesAt`. */
export async function reopenRound(roundId: string, closesAt: string): Promise<Round> {
  return (await sendJson('POST', `${base(roundId)}/reopen`, { closesAt }, RoundReplySchema)).round;
}

/** The person's delegation's ballot. */
export async function fetchOwnBallot(roundId: string, signal?: AbortSignal): Promise<Ballot> {
  return (await getJson(`${base(roundId)}/ballot`, BallotReplySchema, signal)).ballot;
}

/** The delegation's ballot history, newest first. */
export async function fetchBallotRevisions(
  roundId: string,
  signal?: AbortSignal,
): Promise<BallotRevision[]> {
  return (await getJson(`${base(roundId)}/ballot/revisions`, listOf(BallotRevisionSchema), signal))
    .data;
}

/** Every delegation's ballot (when results are visible). */
export async function fetchBallots(roundId: string, signal?: AbortSignal): Promise<Ballot[]> {
  return (await getJson(`${base(roundId)}/ballots`, listOf(BallotSchema), signal)).data;
}

/** The board (when results are visible). */
export async function fetchBoard(roundId: string, signal?: AbortSignal): Promise<Board> {
  return (await getJson(`${base(roundId)}/board`, BoardReplySchema, signal)).board;
}

/** The board an earlier closing froze, and that closing (the reopening that undid it names it). */
export async function fetchClosingBoard(
  roundId: string,
  reopeningId: string,
  signal?: AbortSignal,
): Promise<ClosingBoardReply> {
  return getJson(closingBase(roundId, reopeningId) + '/board', ClosingBoardReplySchema, signal);
}

/** A save's outcome: stored, or refused as stale with the ballot as stored now. */
export type SaveBallotOutcome = { saved: Ballot } | { conflict: Ballot };

/**
 * Saves the delegation's ballot on the revision it was based on. A 409 that carries the
 * current ballot is an outcome, not an error: the editor shows the other member's version.
 */
export async function saveBallot(
  roundId: string,
  input: SaveBallotInput,
): Promise<SaveBallotOutcome> {
  try {
    const reply = await sendJson('PUT', `${base(roundId)}/ballot`, input, BallotReplySchema);
    return { saved: reply.ballot };
  } catch (error) {
    const conflict = BallotConflictSchema.safeParse(
      error instanceof ApiError ? error.body : undefined,
    );
    if (conflict.success) return { conflict: conflict.data.error.current };
    throw error;
  }
}

/** Addresses of the CSV downloads (links, not fetches). */
export function roundCsvUrl(roundId: string, kind: 'board' | 'ballots'): string {
  return `${base(roundId)}/${kind}.csv`;
}

/** Address of an earlier closing's frozen board as CSV. */
export function closingCsvUrl(roundId: string, reopeningId: string): string {
  return `${closingBase(roundId, reopeningId)}/board.csv`;
}
