import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ScorecardRow } from '@mesa/shared';
import './fundingDashboard.css';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { EmptyState } from '../../components/EmptyState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { scorecardCsvUrl, type ScorecardQuery } from '../../lib/fundingDashboardApi';
import { useLiveFundingFigures, useScorecard } from './useFundingFigures';

type SortKey = NonNullable<ScorecardQuery['sort']>;
const SORTS: readonly SortKey[] = ['donor', 'lastActivity', 'share', 'unconfirmed'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The scorecard's query from the page's URL (unknown values ignored). */
export function scorecardQueryFrom(params: URLSearchParams): ScorecardQuery {
  const sort = params.get('sort');
  const direction = params.get('direction');
  const before = params.get('unconfirmedBefore');
  return {
    ...(before && DATE.test(before) ? { unconfirmedBefore: before } : {}),
    ...(sort && (SORTS as readonly string[]).includes(sort) ? { sort: sort as SortKey } : {}),
    ...(direction === 'asc' || direction === 'desc' ? { direction } : {}),
  };
}

function Share({ row }: { row: ScorecardRow }) {
  const { t } = useTranslation();
  if (row.commitments === 0)
    return <span className="funding-note">{t('fundingDashboard.scorecard.noCommitments')}</span>;
  const percent = Math.round((row.withRecentDisbursement * 100) / row.commitments);
  return (
    <>
      {t('fundingDashboard.scorecard.shareValue', {
        percent,
        recent: row.withRecentDisbursement,
        count: row.commitments,
      })}
    </>
  );
}

/** `/funding/scorecard`: the reporting-freshness scorecard, sortable, its query in the URL. */
export function ScorecardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const query = scorecardQueryFrom(params);
  const scorecard = useScorecard(query);
  useLiveFundingFigures();
  useDocumentTitle(t('fundingDashboard.scorecard.title'));
  const sort = query.sort ?? 'donor';
  const direction = query.direction ?? 'asc';

  const setQuery = (next: ScorecardQuery) => {
    const p = new URLSearchParams();
    if (next.unconfirmedBefore) p.set('unconfirmedBefore', next.unconfirmedBefore);
    if (next.sort) p.set('sort', next.sort);
    if (next.direction) p.set('direction', next.direction);
    setParams(p);
  };
  const sortBy = (key: SortKey) =>
    setQuery({
      ...query,
      sort: key,
      direction:
        sort === key ? (direction === 'asc' ? 'desc' : 'asc') : key === 'donor' ? 'asc' : 'desc',
    });
  const submitDate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('unconfirmedBefore');
    const { unconfirmedBefore: _dropped, ...rest } = query;
    setQuery(
      typeof value === 'string' && DATE.test(value) ? { ...rest, unconfirmedBefore: value } : rest,
    );
  };
  const header = (key: SortKey, label: string) => (
    <th
      scope="col"
      aria-sort={sort === key ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className="sort-button" onClick={() => sortBy(key)}>
        {label}
        <span aria-hidden="true" className="sort-button__arrow">
          {sort === key ? (direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );

  const s = scorecard.data;
  let body: React.ReactNode;
  if (scorecard.error && !s)
    body = (
      <ErrorState
        title={t('fundingDashboard.scorecard.loadError')}
        error={scorecard.error}
        onRetry={() => void scorecard.refetch()}
      />
    );
  else if (!s) body = <LoadingState label={t('fundingDashboard.scorecard.loading')} />;
  else if (s.rows.length === 0)
    body = (
      <EmptyState
        title={t('fundingDashboard.scorecard.empty')}
        body={t('fundingDashboard.scorecard.emptyBody')}
      />
    );
  else
    body = (
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="scorecard-caption">
        <table className="figures-table scorecard-table" aria-busy={scorecard.isFetching}>
          <caption id="scorecard-caption">
            {t('fundingDashboard.scorecard.caption', {
              since: s.recentSince,
              before: s.unconfirmedBefore,
            })}
          </caption>
          <thead>
            <tr>
              {header('donor', t('fundingDashboard.scorecard.donor'))}
              {header('lastActivity', t('fundingDashboard.scorecard.lastActivity'))}
              {header('share', t('fundingDashboard.scorecard.share'))}
              {header('unconfirmed', t('fundingDashboard.scorecard.unconfirmed'))}
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.donor.id}>
                <th scope="row">{r.donor.name[locale]}</th>
                <td>
                  {r.lastActivityAt ? (
                    formatDateTime(r.lastActivityAt, locale)
                  ) : (
                    <span className="funding-note">{t('fundingDashboard.scorecard.never')}</span>
                  )}
                </td>
                <td>
                  <Share row={r} />
                </td>
                <td className="num">{r.unconfirmed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <div className="page funding-page">
      <header className="page-header">
        <h1>{t('fundingDashboard.scorecard.title')}</h1>
        <p className="page-header__lead">{t('fundingDashboard.scorecard.intro')}</p>
        <p className="funding-links">
          <a href={scorecardCsvUrl(query, locale)} download>
            {t('fundingDashboard.downloadCsv')}
          </a>
          <Link to="/funding">{t('fundingDashboard.backToDashboard')}</Link>
        </p>
      </header>
      <form className="funding-filters" onSubmit={submitDate} key={params.toString()}>
        <div className="funding-filters__fields">
          <label className="field">
            <span className="field__label">
              {t('fundingDashboard.scorecard.unconfirmedBefore')}
            </span>
            <input
              type="date"
              name="unconfirmedBefore"
              className="field__input"
              defaultValue={s?.unconfirmedBefore ?? query.unconfirmedBefore ?? ''}
              aria-describedby="unconfirmed-hint"
            />
            <span id="unconfirmed-hint" className="field__hint">
              {t('fundingDashboard.scorecard.unconfirmedHint')}
            </span>
          </label>
        </div>
        <div className="funding-filters__actions">
          <button type="submit" className="button">
            {t('fundingDashboard.filters.apply')}
          </button>
        </div>
      </form>
      {body}
    </div>
  );
}
