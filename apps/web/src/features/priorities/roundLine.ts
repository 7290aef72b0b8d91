import type { BoardRow, Locale, Program, Round } from '@mesa/shared';
import { localizedTitle } from '../portfolio/localizedTitle';

/**
 * A candidate program's line of a round, as far as naming it and its discussion need: a board
 * row has these fields, and so does a candidate listed while the board is hidden (which says
 * nothing about scores or who ranked it).
 */
export type RoundLine = Pick<BoardRow, 'programId' | 'code' | 'titleEn' | 'titleEs' | 'priority'>;

/** The name of a line: its code and title in the reader's language. */
export function lineName(line: RoundLine, locale: Locale): string {
  return [line.code, localizedTitle(line, locale)].filter(Boolean).join(' ');
}

/**
 * The round's candidate programs as lines, by code (programs without one last, by title in the
 * reader's language) so a reader finds one; programs not found are left out.
 */
export function candidateLines(
  round: Round,
  programs: readonly Program[],
  locale: Locale,
): RoundLine[] {
  const candidates = new Set(round.candidateProgramIds);
  const sortKey = (p: Program) =>
    `${p.code === null ? 1 : 0}${p.code ?? localizedTitle(p, locale)}`;
  return programs
    .filter((p) => candidates.has(p.id))
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b), locale, { numeric: true }))
    .map((p) => ({
      programId: p.id,
      code: p.code,
      titleEn: p.titleEn,
      titleEs: p.titleEs,
      priority: p.priority,
    }));
}
