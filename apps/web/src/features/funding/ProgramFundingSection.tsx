import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Program } from '@mesa/shared';
import { Card } from '../../components/Card';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { isApiErrorStatus } from '../../lib/api';
import './funding.css';
import { FundingSummary } from './FundingSummary';
import { RecordEntry } from './RecordEntry';
import { useLiveFunding, useProgramFunding, useProgramRecords } from './useFunding';

function ProgramRecords({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const records = useProgramRecords(programId);
  if (isApiErrorStatus(records.error, 403)) {
    return <p className="muted">{t('funding.program.recordsHidden')}</p>;
  }
  if (records.error) {
    return (
      <ErrorState
        title={t('funding.program.recordsError')}
        error={records.error}
        onRetry={() => void records.refetch()}
      />
    );
  }
  if (!records.data) return <LoadingState label={t('funding.program.recordsLoading')} />;
  if (records.data.length === 0) return <p className="muted">{t('funding.program.noRecords')}</p>;
  return (
    <ul className="funding-records">
      {records.data.map((record) => (
        <RecordEntry key={record.id} record={record} />
      ))}
    </ul>
  );
}

/**
 * A program page's "Funding" section (`#funding`): the summary everyone signed in sees, the
 * records for the program's readers, "Record a commitment" for those who may, and a link to
 * the dashboard. `funding.changed` refetches it.
 */
export function ProgramFundingSection({ program }: { program: Program }) {
  const { t } = useTranslation();
  const funding = useProgramFunding(program.id);
  useLiveFunding(program.id);
  const mayRecord = program.abilities.recordCommitment;
  return (
    <div id="funding" className="program-funding">
      <Card labelledBy="funding-heading">
        <h2 id="funding-heading">{t('funding.program.title')}</h2>
        {funding.error ? (
          <ErrorState
            title={t('funding.program.loadError')}
            error={funding.error}
            onRetry={() => void funding.refetch()}
          />
        ) : !funding.data ? (
          <LoadingState label={t('funding.program.loading')} />
        ) : (
          <FundingSummary funding={funding.data} />
        )}
        <p className="funding-actions">
          {mayRecord ? (
            <Link
              className="button"
              to={`/funding/records/new?programId=${encodeURIComponent(program.id)}`}
            >
              {t('funding.program.record')}
            </Link>
          ) : null}
          <Link to="/funding">{t('funding.program.dashboard')}</Link>
        </p>
        <h3>{t('funding.program.records')}</h3>
        <ProgramRecords programId={program.id} />
      </Card>
    </div>
  );
}
