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

/** The round's candidate programs as lines, in the round's order (programs not found are left out). */
export function candidateLines(round: Round, programs: readonly Program[]): RoundLine[] {
  const byId = new Map(programs.map((p) => [p.id, p]));
  return round.candidateProgramIds.flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    const line: RoundLine = {
      programId: p.id,
      code: p.code,
      titleEn: p.titleEn,
      titleEs: p.titleEs,
      priority: p.priority,
    };
    return [line];
  });
}
