import { useTranslation } from 'react-i18next';
import type { Meeting } from '@mesa/shared';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { createActionItem, createDecision } from '../../lib/meetingsApi';
import { ActionItemList, DecisionList } from './ActionItemList';
import { ActionItemForm, DecisionForm } from './RecordForms';
import { useMeetingRecords } from './useMeetings';

/** A meeting's decisions and action items, with the forms to record, edit and delete them for those who may. */
export function MeetingRecordsSection({
  meeting,
  highlight,
}: {
  meeting: Meeting;
  highlight: string | null;
}) {
  const { t } = useTranslation();
  const records = useMeetingRecords(meeting.id);
  if (records.error)
    return (
      <ErrorState
        title={t('meetings.records.loadError')}
        error={records.error}
        onRetry={() => void records.refetch()}
      />
    );
  if (!records.data) return <LoadingState label={t('meetings.records.loading')} />;
  return (
    <div className="records">
      <div className="records__part">
        <h3 id="meeting-decisions">{t('meetings.decisions.title')}</h3>
        <DecisionList
          decisions={records.data.decisions}
          label={t('meetings.decisions.title')}
          meeting={meeting}
        />
        {meeting.abilities.record ? (
          <DecisionForm meeting={meeting} save={(input) => createDecision(meeting.id, input)} />
        ) : null}
      </div>
      <div className="records__part">
        <h3 id="meeting-action-items">{t('meetings.actionItems.title')}</h3>
        <ActionItemList
          items={records.data.actionItems}
          highlight={highlight}
          label={t('meetings.actionItems.title')}
          meeting={meeting}
        />
        {meeting.abilities.record ? (
          <ActionItemForm meeting={meeting} save={(input) => createActionItem(meeting.id, input)} />
        ) : null}
      </div>
    </div>
  );
}
