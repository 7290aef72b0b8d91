import type { Ballot, Board, Locale } from '@mesa/shared';
import { writeCsv } from '../../lib/csv.js';

const HEADERS = {
  board: {
    en: [
      'Rank',
      'Code',
      'Program',
      'Score',
      'Delegations ranking it',
      'Consensus (%)',
      'Priority program',
      'Ranked by',
    ],
    es: [
      'Puesto',
      'Código',
      'Programa',
      'Puntuación',
      'Delegaciones que lo clasifican',
      'Consenso (%)',
      'Programa prioritario',
      'Clasificado por',
    ],
  },
  ballots: {
    en: [
      'Delegation',
      'Place',
      'Code',
      'Program',
      'Rationale',
      'Rationale language',
      'Last changed by',
      'Last changed (UTC)',
    ],
    es: [
      'Delegación',
      'Lugar',
      'Código',
      'Programa',
      'Justificación',
      'Idioma de la justificación',
      'Último cambio por',
      'Último cambio (UTC)',
    ],
  },
  yes: { en: 'yes', es: 'sí' },
} as const;

/** The board as CSV, titles and names in the reader's language. */
export function boardCsv(board: Board, locale: Locale): string {
  const name = (id: string) => board.organizations[id]?.[locale] ?? id;
  return writeCsv(
    HEADERS.board[locale],
    board.rows.map((r) => [
      r.rank,
      r.code,
      locale === 'es' ? r.titleEs : r.titleEn,
      r.score,
      r.rankedBy.length,
      Math.round(r.consensus * 100),
      r.priority ? HEADERS.yes[locale] : '',
      r.rankedBy.map((b) => `${name(b.organizationId)} (${b.place})`).join('; '),
    ]),
  );
}

/** Every ballot as CSV, one line per place, titles from the board's rows. */
export function ballotsCsv(ballots: readonly Ballot[], board: Board, locale: Locale): string {
  const programs = new Map(board.rows.map((r) => [r.programId, r]));
  return writeCsv(
    HEADERS.ballots[locale],
    ballots.flatMap((b) =>
      b.entries.map((e, i) => {
        const p = programs.get(e.programId);
        return [
          b.organizationName[locale],
          i + 1,
          p?.code ?? null,
          (locale === 'es' ? p?.titleEs : p?.titleEn) ?? e.programId,
          e.rationale,
          e.rationale ? e.locale : null,
          b.updatedBy?.name ?? null,
          b.updatedAt,
        ];
      }),
    ),
  );
}
