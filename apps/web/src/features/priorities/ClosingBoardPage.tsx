import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import './priorities.css';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { closingCsvUrl } from '../../lib/prioritiesApi';
import { useTimeZone } from '../auth/useTimeZone';
import { BoardTable } from './BoardTable';
import { useClosingBoard } from './usePriorities';

// The chart is its own chunk, as on the round page.
const LazyScoreChart = lazy(() => import('./ScoreChart').then((m) => ({ default: m.ScoreChart })));

/**
 * The board an earlier closing of a round froze — the record until a reopening undid it —
 * read-only: its chart, its table and its CSV; no discussions, no live updates (it never
 * changes). The closing's time is shown in the reader's zone.
 */
export function ClosingBoardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const { roundId = '', reopeningId = '' } = useParams();
  const closing = useClosingBoard(roundId, reopeningId);
  const record = closing.data;
  const heading = record
    ? record.closing.by
      ? t('priorities.closings.board', {
          date: formatDateTime(record.closing.at, locale, zone),
          author: record.closing.by.name,
        })
      : t('priorities.closings.boardOnTime', {
          date: formatDateTime(record.closing.at, locale, zone),
        })
    : undefined;
  useDocumentTitle(heading ?? t('priorities.title'));
  const back = (
    <p>
      <Link to={`/priorities/${encodeURIComponent(roundId)}`}>
        {t('priorities.closings.backToRound')}
      </Link>
    </p>
  );
  if (closing.error)
    return (
      <div className="page round-page">
        {back}
        <ErrorState
          title={t('priorities.closings.loadError')}
          error={closing.error}
          onRetry={() => void closing.refetch()}
          level={1}
        />
      </div>
    );
  if (!record) return <LoadingState label={t('priorities.loading')} />;
  return (
    <div className="page round-page">
      {back}
      <header className="page-header round-header">
        <h1>{heading}</h1>
        <p className="round-header__meta">{t('priorities.closings.boardIntro', { zone })}</p>
      </header>
      <section className="board" aria-label={heading}>
        <p className="board__exports">
          <a
            className="button button--secondary"
            href={closingCsvUrl(roundId, reopeningId)}
            download
          >
            {t('priorities.export.board')}
          </a>
        </p>
        <div className="board__layout">
          <Suspense fallback={null}>
            <LazyScoreChart board={record.board} />
          </Suspense>
          <BoardTable board={record.board} />
        </div>
      </section>
    </div>
  );
}
