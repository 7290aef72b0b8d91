import type { Locale } from '../locale.js';
import type { BoardRow } from '../schemas/priorities.js';

/** A candidate program as the board needs it. */
export interface BoardCandidate {
  programId: string;
  code: string | null;
  titleEn: string;
  titleEs: string;
  /** One of the strategy's current priority programs. */
  priority: boolean;
}

/** A delegation's ballot as the board needs it: programs in order, place 1 first. */
export interface BoardBallot {
  organizationId: string;
  entries: readonly { programId: string; rationale: string | null; locale: Locale }[];
}

interface Tally {
  candidate: BoardCandidate;
  score: number;
  rankedBy: { organizationId: string; place: number }[];
  rationales: BoardRow['rationales'];
}

/**
 * Orders two tallies: higher score first; on equal scores the program more ballots rank;
 * then the lower code (compared as text with numbers in order, so "BA2" before "BA10");
 * programs without a code last, by English title.
 */
function compareTallies(a: Tally, b: Tally): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.rankedBy.length !== b.rankedBy.length) return b.rankedBy.length - a.rankedBy.length;
  const ca = a.candidate.code;
  const cb = b.candidate.code;
  if (ca !== cb) {
    if (ca === null) return 1;
    if (cb === null) return -1;
    const byCode = ca.localeCompare(cb, 'en', { numeric: true });
    if (byCode !== 0) return byCode;
  }
  return a.candidate.titleEn.localeCompare(b.candidate.titleEn, 'en');
}

/**
 * The board of a priority round, deterministic for the same input:
 *
 * - a program placed r-th on a ballot of N places earns N − r + 1 points (place 1 of 8 → 8,
 *   place 8 → 1); its score is the sum over ballots;
 * - ties go to the program more ballots rank, then to the lower code; programs without a code
 *   come last, ordered by English title;
 * - consensus is the share of voting delegations (ballots with at least one program) that
 *   place the program anywhere on their ballot, i.e. in their top N;
 * - every candidate has a line, those nobody ranked with a score of 0;
 * - entries for programs that are not candidates, or past place N, are ignored.
 */
export function computeBoard(
  places: number,
  candidates: readonly BoardCandidate[],
  ballots: readonly BoardBallot[],
): BoardRow[] {
  const tallies = new Map<string, Tally>(
    candidates.map((c) => [c.programId, { candidate: c, score: 0, rankedBy: [], rationales: [] }]),
  );
  const voting = ballots.filter((b) => b.entries.length > 0);
  for (const ballot of voting) {
    ballot.entries.slice(0, places).forEach((entry, index) => {
      const tally = tallies.get(entry.programId);
      if (!tally) return;
      tally.score += places - index;
      tally.rankedBy.push({ organizationId: ballot.organizationId, place: index + 1 });
      if (entry.rationale)
        tally.rationales.push({
          organizationId: ballot.organizationId,
          text: entry.rationale,
          locale: entry.locale,
        });
    });
  }
  return [...tallies.values()].sort(compareTallies).map((t, index) => ({
    rank: index + 1,
    programId: t.candidate.programId,
    code: t.candidate.code,
    titleEn: t.candidate.titleEn,
    titleEs: t.candidate.titleEs,
    priority: t.candidate.priority,
    score: t.score,
    rankedBy: [...t.rankedBy].sort(
      (a, b) => a.place - b.place || a.organizationId.localeCompare(b.organizationId),
    ),
    consensus: voting.length === 0 ? 0 : t.rankedBy.length / voting.length,
    rationales: t.rationales,
  }));
}
