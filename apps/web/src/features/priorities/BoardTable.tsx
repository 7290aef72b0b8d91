import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, BoardRow } from '@mesa/shared';
import { Badge } from '../../components/Badge';
import { useLocale } from '../../i18n/useLocale';
import { localizedTitle } from '../portfolio/localizedTitle';

/** Props of BoardTable. */
export interface BoardTableProps {
  board: Board;
  /**
   * What goes in each row's discussion cell: the control that opens the program line's
   * discussion on this round (subject `roundProgram`); no column without it.
   */
  renderThread?: (row: BoardRow) => ReactNode;
}

/** The board as a table: rank, code, title, score, who ranks it, consensus, rationales, priority mark, thread. */
export function BoardTable({ board, renderThread }: BoardTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = (id: string) => board.organizations[id]?.[locale] ?? id;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const notesId = useId();
  return (
    <>
      {/* Outside the scrolling region: a caption is as wide as its table, which a phone scrolls. */}
      <p id={notesId} className="board-table__notes">
        {t('priorities.board.notes')}
      </p>
      {/* Focusable, so a keyboard can scroll a table wider than a phone. */}
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('priorities.board.title')}
      >
        <table className="board-table" aria-describedby={notesId}>
          <caption>{t('priorities.board.caption', { count: board.votingDelegations })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('priorities.board.rank')}</th>
              <th scope="col">{t('priorities.board.program')}</th>
              <th scope="col">{t('priorities.board.score')}</th>
              <th scope="col">{t('priorities.board.rankedBy')}</th>
              <th scope="col">{t('priorities.board.consensus')}</th>
              <th scope="col">{t('priorities.board.rationales')}</th>
              {renderThread ? <th scope="col">{t('priorities.board.discussion')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {board.rows.map((row) => (
              <tr key={row.programId} data-program-id={row.programId}>
                <td>{row.rank}</td>
                <th scope="row">
                  {row.code ? <span className="board-table__code">{row.code}</span> : null}{' '}
                  {localizedTitle(row, locale)}{' '}
                  {row.priority ? (
                    <Badge tone="priority">{t('priorities.board.priority')}</Badge>
                  ) : null}
                </th>
                <td className="board-table__number">{row.score}</td>
                <td>
                  {t('priorities.board.rankedByCount', { count: row.rankedBy.length })}
                  {row.rankedBy.length > 0 ? (
                    <span className="board-table__who">
                      :{' '}
                      {row.rankedBy.map((b) => `${name(b.organizationId)} (${b.place})`).join(', ')}
                    </span>
                  ) : null}
                </td>
                <td className="board-table__number">{percent.format(row.consensus)}</td>
                <td>
                  {row.rationales.map((r) => (
                    <p key={r.organizationId} lang={r.locale} className="board-table__rationale">
                      <strong>{name(r.organizationId)}:</strong> {r.text}
                    </p>
                  ))}
                </td>
                {renderThread ? <td>{renderThread(row)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
