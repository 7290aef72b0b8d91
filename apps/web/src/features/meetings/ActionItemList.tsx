import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ActionItemStatusSchema,
  type ActionItem,
  type Decision,
  type LocalizedText,
  type Meeting,
} from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { setActionItemStatus } from '../../lib/meetingsApi';
import { useTimeZone } from '../auth/useTimeZone';
import { formatDateTime } from '../../lib/intl';
import { ActionItemEditControl, DecisionEditControls } from './RecordEditing';

/** A meeting text in the reader's language, or the other one marked with its language. */
export function MeetingText({ text }: { text: LocalizedText }) {
  const locale = useLocale();
  const other = locale === 'en' ? 'es' : 'en';
  if (text[locale]) return <>{text[locale]}</>;
  return (
    <span lang={other}>
      {text[other]} <span className="muted">({other.toUpperCase()})</span>
    </span>
  );
}

function formatDueDate(date: string, locale: 'en' | 'es'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function StatusControl({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const errorText = useErrorText(zone);
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | undefined>();
  const change = useMutation({
    mutationFn: (status: ActionItem['status']) => setActionItemStatus(item.id, status),
    onSuccess: () => {
      setProblem(undefined);
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
    onError: (error) => setProblem(errorText(error)),
  });
  const id = `action-status-${item.id}`;
  return (
    <div className="action-item__status-control">
      <label htmlFor={id}>{t('meetings.actionItems.status')}</label>{' '}
      <select
        id={id}
        className="field__input field__select"
        value={change.isPending ? change.variables : item.status}
        disabled={change.isPending}
        onChange={(e) => change.mutate(ActionItemStatusSchema.parse(e.target.value))}
      >
        {ActionItemStatusSchema.options.map((status) => (
          <option key={status} value={status}>
            {t(`meetings.actionStatus.${status}`)}
          </option>
        ))}
      </select>
      <FormAlert message={problem} />
    </div>
  );
}

/** Props of ActionItemList. */
export interface ActionItemListProps {
  items: readonly (ActionItem & { meetingTitle?: LocalizedText })[];
  /** The action item to scroll to and highlight (a notification's link). */
  highlight?: string | null;
  /** Accessible name of the list. */
  label: string;
  /** The meeting the items belong to, on its page: offers editing to those who may. */
  meeting?: Meeting;
}

/** Action items: who does what by when, status (a select for those who may change it), overdue marked. */
export function ActionItemList({ items, highlight, label, meeting }: ActionItemListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  if (items.length === 0) return <p className="muted">{t('meetings.actionItems.none')}</p>;
  return (
    <ul className="record-list" aria-label={label}>
      {items.map((item) => (
        <li
          key={item.id}
          id={`action-item-${item.id}`}
          className={`record-item action-item${highlight === item.id ? ' record-item--highlight' : ''}${item.overdue ? ' action-item--overdue' : ''}`}
          tabIndex={highlight === item.id ? -1 : undefined}
        >
          <p className="record-item__text" id={`action-text-${item.id}`}>
            <MeetingText text={item.text} />
          </p>
          {item.meetingTitle ? (
            <p className="muted record-item__meeting">
              {t('meetings.records.fromMeeting', { name: item.meetingTitle[locale] })}
            </p>
          ) : null}
          <p className="record-item__meta">
            <span>
              {t('meetings.actionItems.owner', {
                name: item.ownerPerson
                  ? `${item.ownerPerson.name} (${item.ownerOrganization.name[locale]})`
                  : item.ownerOrganization.name[locale],
              })}
            </span>
            <span>
              {t('meetings.actionItems.due', { date: formatDueDate(item.dueDate, locale) })}
            </span>
            {item.overdue ? (
              <span className="action-item__overdue">{t('meetings.actionItems.overdue')}</span>
            ) : null}
            {item.abilities.updateStatus ? null : (
              <span className={`action-status action-status--${item.status}`}>
                {t(`meetings.actionStatus.${item.status}`)}
              </span>
            )}
          </p>
          {item.statusChangedBy && item.statusChangedAt ? (
            <p className="muted record-item__changed">
              {t('meetings.actionItems.changedBy', {
                name: item.statusChangedBy.name,
                time: formatDateTime(item.statusChangedAt, locale, zone),
              })}
            </p>
          ) : null}
          {item.abilities.updateStatus ? <StatusControl item={item} /> : null}
          {meeting && item.abilities.edit ? (
            <ActionItemEditControl meeting={meeting} item={item} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Decisions, each with who recorded it and when; edit and delete on the meeting's page for those who may. */
export function DecisionList({
  decisions,
  label,
  meeting,
}: {
  decisions: readonly (Decision & { meetingTitle?: LocalizedText })[];
  label: string;
  /** The meeting the decisions belong to, on its page: offers edit and delete to those who may. */
  meeting?: Meeting;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const [deleted, setDeleted] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const notice = deleted ? (
    <p ref={noticeRef} className="muted" role="status" tabIndex={-1}>
      {t('meetings.decisions.deleted')}
    </p>
  ) : null;
  const onDeleted = () => {
    setDeleted(true);
    // The deleted item's buttons are gone: focus lands on the notice that says what happened.
    requestAnimationFrame(() => noticeRef.current?.focus());
  };
  if (decisions.length === 0)
    return (
      <>
        {notice}
        <p className="muted">{t('meetings.decisions.none')}</p>
      </>
    );
  return (
    <>
      {notice}
      <ul className="record-list" aria-label={label}>
        {decisions.map((decision) => (
          <li key={decision.id} className="record-item">
            <p className="record-item__text" id={`decision-text-${decision.id}`}>
              <MeetingText text={decision.text} />
            </p>
            <p className="muted record-item__meta">
              {decision.meetingTitle
                ? `${t('meetings.records.fromMeeting', { name: decision.meetingTitle[locale] })} · `
                : ''}
              {t('meetings.decisions.recordedBy', {
                name: decision.recordedBy.name,
                time: formatDateTime(decision.recordedAt, locale, zone),
              })}
            </p>
            {meeting?.abilities.record ? (
              <DecisionEditControls meeting={meeting} decision={decision} onDeleted={onDeleted} />
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
