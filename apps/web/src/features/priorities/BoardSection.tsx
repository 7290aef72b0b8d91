import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardRow, Round } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { AccessReason } from '../../components/AccessReason';
import { roundCsvUrl } from '../../lib/prioritiesApi';
import { BoardDiscussion, lineName } from './BoardDiscussion';
import { BoardTable } from './BoardTable';
import { useBoard } from './usePriorities';

// The chart is its own chunk, loaded only when a board is shown.
const LazyScoreChart = lazy(() => import('./ScoreChart').then((m) => ({ default: m.ScoreChart })));

/** The board (chart beside its table) and CSV exports, or why results are not shown yet. */
export function BoardSection({ round }: { round: Round }) {
  const { t } = useTranslation();
  const visible = round.abilities.viewResults;
  const board = useBoard(round.id, visible);
  const locale = useLocale();
  // Which line's discussion is open, in the address: `?discuss=<programId>[&thread=<id>]`.
  const [params, setParams] = useSearchParams();
  const discussed = board.data?.rows.find((r) => r.programId === params.get('discuss')) ?? null;
  const discuss = (row: BoardRow | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('thread');
        if (row) next.set('discuss', row.programId);
        else next.delete('discuss');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  const discussButton = (row: BoardRow) => (
    <button
      type="button"
      className="button button--secondary"
      aria-expanded={discussed?.programId === row.programId}
      aria-controls="board-discussion"
      onClick={() => discuss(row)}
    >
      {t('priorities.board.discuss')}
      <span className="visually-hidden"> {lineName(row, locale)}</span>
    </button>
  );
  return (
    <section className="board" aria-labelledby="board-title">
      <h2 id="board-title">{t('priorities.board.title')}</h2>
      {!visible ? (
        <p className="notice">
          <AccessReason reason={round.abilities.denied.viewResults} />
        </p>
      ) : null}
      {visible && board.data ? (
        <>
          <p className="board__exports">
            <a className="button button--secondary" href={roundCsvUrl(round.id, 'board')} download>
              {t('priorities.export.board')}
            </a>{' '}
            <a
              className="button button--secondary"
              href={roundCsvUrl(round.id, 'ballots')}
              download
            >
              {t('priorities.export.ballots')}
            </a>
          </p>
          <div className="board__layout">
            <Suspense fallback={null}>
              <LazyScoreChart board={board.data} />
            </Suspense>
            <BoardTable board={board.data} renderThread={discussButton} />
          </div>
          {discussed ? (
            <BoardDiscussion
              round={round}
              row={discussed}
              initialThreadId={params.get('thread')}
              onClose={() => discuss(null)}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
