import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { isApiErrorStatus } from '../../lib/api';
import { ActionItemList, DecisionList } from './ActionItemList';
import { useProgramMeetingRecords } from './useMeetings';

/**
 * A program page's "Meetings" section: decisions and action items of the program's meetings,
 * only of meetings the reader may see (the API leaves the others out); nothing when there are none.
 */
export function ProgramMeetingsSection({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const records = useProgramMeetingRecords(programId);
  if (records.error && isApiErrorStatus(records.error, 403)) return null;
  return (
    <Card labelledBy="program-meetings" className="program-meetings">
      <h2 id="program-meetings">{t('meetings.program.title')}</h2>
      {records.error ? (
        <ErrorState
          title={t('meetings.program.loadError')}
          error={records.error}
          onRetry={() => void records.refetch()}
        />
      ) : !records.data ? (
        <LoadingState label={t('meetings.program.loading')} />
      ) : records.data.decisions.length === 0 && records.data.actionItems.length === 0 ? (
        <p className="muted">{t('meetings.program.empty')}</p>
      ) : (
        <div className="records">
          <div className="records__part">
            <h3>{t('meetings.decisions.title')}</h3>
            <DecisionList
              decisions={records.data.decisions}
              label={t('meetings.decisions.title')}
            />
          </div>
          <div className="records__part">
            <h3>{t('meetings.actionItems.title')}</h3>
            <ActionItemList
              items={records.data.actionItems}
              label={t('meetings.actionItems.title')}
            />
          </div>
        </div>
      )}
    </Card>
  );
}
