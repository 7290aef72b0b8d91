import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, Round } from '@mesa/shared';
import { AccessReason } from '../../components/AccessReason';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useLocale } from '../../i18n/useLocale';
import { roundCsvUrl } from '../../lib/prioritiesApi';
import { usePrograms } from '../portfolio/usePrograms';
import { BoardDiscussion } from './BoardDiscussion';
import { BoardTable } from './BoardTable';
import { CandidateList } from './CandidateList';
import { DiscussButton } from './DiscussButton';
import { candidateLines, type RoundLine } from './roundLine';
import { useLineDiscussion } from './useLineDiscussion';
import { useBoard } from './usePriorities';

// The chart is its own chunk, loaded only when a board is shown.
const LazyScoreChart = lazy(() => import('./ScoreChart').then((m) => ({ default: m.ScoreChart })));

/** The board's CSV downloads, its chart and its table. */
function BoardResults({
  board,
  renderThread,
}: {
  board: Board;
  renderThread: (line: RoundLine) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="board__exports">
        <a className="button button--secondary" href={roundCsvUrl(board.roundId, 'board')} download>
          {t('priorities.export.board')}
        </a>{' '}
        <a
          className="button button--secondary"
          href={roundCsvUrl(board.roundId, 'ballots')}
          download
        >
          {t('priorities.export.ballots')}
        </a>
      </p>
      <div className="board__layout">
        <Suspense fallback={null}>
          <LazyScoreChart board={board} />
        </Suspense>
        <BoardTable board={board} renderThread={renderThread} />
      </div>
    </>
  );
}

/**
 * The board (chart beside its table) and CSV exports; while results are hidden, why, and the
 * candidate programs without figures. Either way each program's line opens its discussion.
 */
export function BoardSection({ round }: { round: Round }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const visible = round.abilities.viewResults;
  const board = useBoard(round.id, visible);
  const programs = usePrograms();
  const source = visible ? board : programs;
  const lines = visible
    ? board.data?.rows
    : programs.data && candidateLines(round, programs.data, locale);
  const { discussed, threadId, discuss } = useLineDiscussion(lines);
  const discussButton = (line: RoundLine) => (
    <DiscussButton
      line={line}
      expanded={discussed?.programId === line.programId}
      onDiscuss={discuss}
    />
  );
  return (
    <section className="board" aria-labelledby="board-title">
      <h2 id="board-title">{t('priorities.board.title')}</h2>
      {!visible ? (
        <p className="notice">
          <AccessReason reason={round.abilities.denied.viewResults} />
        </p>
      ) : null}
      {source.error ? (
        <ErrorState
          title={t('priorities.board.loadError')}
          error={source.error}
          onRetry={() => void source.refetch()}
        />
      ) : null}
      {!lines && !source.error ? <LoadingState label={t('priorities.loading')} /> : null}
      {visible && board.data ? (
        <BoardResults board={board.data} renderThread={discussButton} />
      ) : null}
      {!visible && lines ? <CandidateList lines={lines} renderThread={discussButton} /> : null}
      {discussed ? (
        <BoardDiscussion
          round={round}
          line={discussed}
          initialThreadId={threadId}
          onClose={() => discuss(null)}
        />
      ) : null}
    </section>
  );
}
