import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useMe } from '../auth/useMe';
import './funding.css';
import { RecordEntry } from './RecordEntry';
import { useLiveFunding, useStrategyWideRecords } from './useFunding';

/**
 * `/funding/records`: the strategy-wide records (support to the strategy as a whole, no
 * program), which everyone signed in reads — most documented pledges are of this kind. The
 * dashboard's strategy-wide row links here; `funding.changed` refetches it.
 */
export function StrategyWideRecordsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const records = useStrategyWideRecords();
  useLiveFunding();
  useDocumentTitle(t('funding.strategyWide.title'));
  const mayRecord = me.data?.abilities.recordCommitment === true;
  return (
    <div className="page funding-page">
      <header className="page-header">
        <h1>{t('funding.strategyWide.title')}</h1>
        <p className="page-header__lead">{t('funding.strategyWide.intro')}</p>
        <p className="funding-actions">
          {mayRecord ? (
            <Link className="button" to="/funding/records/new">
              {t('funding.program.record')}
            </Link>
          ) : null}
          <Link to="/funding">{t('funding.program.dashboard')}</Link>
        </p>
      </header>
      {records.error ? (
        <ErrorState
          title={t('funding.program.recordsError')}
          error={records.error}
          onRetry={() => void records.refetch()}
        />
      ) : !records.data ? (
        <LoadingState label={t('funding.program.recordsLoading')} />
      ) : records.data.length === 0 ? (
        <p className="muted">{t('funding.strategyWide.none')}</p>
      ) : (
        <ul className="funding-records">
          {records.data.map((record) => (
            <RecordEntry key={record.id} record={record} />
          ))}
        </ul>
      )}
    </div>
  );
}
