import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '@mesa/shared';
import { AccessReason } from '../../components/AccessReason';
import { roundCsvUrl } from '../../lib/prioritiesApi';
import { BoardTable } from './BoardTable';
import { useBoard } from './usePriorities';

// The chart is its own chunk, loaded only when a board is shown.
const LazyScoreChart = lazy(() => import('./ScoreChart').then((m) => ({ default: m.ScoreChart })));

/** The board (chart beside its table) and CSV exports, or why results are not shown yet. */
export function BoardSection({ round }: { round: Round }) {
  const { t } = useTranslation();
  const visible = round.abilities.viewResults;
  const board = useBoard(round.id, visible);
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
            <BoardTable board={board.data} />
          </div>
        </>
      ) : null}
    </section>
  );
}
