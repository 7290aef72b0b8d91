import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DueDateSchema, type Meeting } from '@mesa/shared';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { createActionItem, createDecision } from '../../lib/meetingsApi';
import { ActionItemList, DecisionList } from './ActionItemList';
import { meetingKeys } from './queryKeys';
import { useMeetingPeople, useMeetingRecords } from './useMeetings';

function useAgendaOptions(meeting: Meeting) {
  const { t } = useTranslation();
  const locale = useLocale();
  return [
    { value: '', label: t('meetings.agenda.none') },
    ...[...meeting.agenda]
      .sort((a, b) => a.position - b.position)
      .map((item, i) => ({ value: item.id, label: `${i + 1}. ${item.title[locale]}` })),
  ];
}

function DecisionForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const agendaOptions = useAgendaOptions(meeting);
  const [en, setEn] = useState('');
  const [es, setEs] = useState('');
  const [agendaItemId, setAgendaItemId] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string }>();
  const alertRef = useRef<HTMLDivElement>(null);
  const record = useMutation({
    mutationFn: () =>
      createDecision(meeting.id, {
        text: { en: en.trim(), es: es.trim() },
        agendaItemId: agendaItemId || null,
        programId: meeting.agenda.find((i) => i.id === agendaItemId)?.programId ?? null,
      }),
    onSuccess: () => {
      setEn('');
      setEs('');
      setMessage({ tone: 'success', text: t('meetings.decisions.recorded') });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.records(meeting.id) });
    },
    onError: (error) => {
      setMessage({ tone: 'error', text: errorText(error) });
      alertRef.current?.focus();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!en.trim() && !es.trim()) {
      setMessage({ tone: 'error', text: t('meetings.records.textRequired') });
      alertRef.current?.focus();
      return;
    }
    record.mutate();
  };
  return (
    <form className="form record-form" onSubmit={submit} noValidate>
      <h4>{t('meetings.decisions.add')}</h4>
      <FormAlert ref={alertRef} message={message?.text} tone={message?.tone} />
      <TextField
        label={t('meetings.records.textEn')}
        lang="en"
        value={en}
        onChange={(e) => setEn(e.target.value)}
      />
      <TextField
        label={t('meetings.records.textEs')}
        lang="es"
        value={es}
        onChange={(e) => setEs(e.target.value)}
      />
      <SelectField
        label={t('meetings.records.agendaItem')}
        options={agendaOptions}
        value={agendaItemId}
        onChange={(e) => setAgendaItemId(e.target.value)}
      />
      <button type="submit" className="button" disabled={record.isPending}>
        {t('meetings.decisions.submit')}
      </button>
    </form>
  );
}

function ActionItemForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const agendaOptions = useAgendaOptions(meeting);
  const people = useMeetingPeople(meeting.id, true);
  const [en, setEn] = useState('');
  const [es, setEs] = useState('');
  const [agendaItemId, setAgendaItemId] = useState('');
  const [orgId, setOrgId] = useState(meeting.organizations[0]?.id ?? '');
  const [personId, setPersonId] = useState('');
  const [due, setDue] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string }>();
  const alertRef = useRef<HTMLDivElement>(null);
  const record = useMutation({
    mutationFn: () =>
      createActionItem(meeting.id, {
        text: { en: en.trim(), es: es.trim() },
        agendaItemId: agendaItemId || null,
        programId: meeting.agenda.find((i) => i.id === agendaItemId)?.programId ?? null,
        ownerOrganizationId: orgId,
        ownerUserId: personId || null,
        dueDate: due,
      }),
    onSuccess: () => {
      setEn('');
      setEs('');
      setDue('');
      setPersonId('');
      setMessage({ tone: 'success', text: t('meetings.actionItems.recorded') });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.records(meeting.id) });
    },
    onError: (error) => {
      setMessage({ tone: 'error', text: errorText(error) });
      alertRef.current?.focus();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem =
      !en.trim() && !es.trim()
        ? t('meetings.records.textRequired')
        : !orgId
          ? t('meetings.actionItems.ownerRequired')
          : !DueDateSchema.safeParse(due).success
            ? t('meetings.actionItems.dueRequired')
            : undefined;
    if (problem) {
      setMessage({ tone: 'error', text: problem });
      alertRef.current?.focus();
      return;
    }
    record.mutate();
  };
  const orgPeople = (people.data ?? []).filter((p) => p.organizationId === orgId);
  return (
    <form className="form record-form" onSubmit={submit} noValidate>
      <h4>{t('meetings.actionItems.add')}</h4>
      <FormAlert ref={alertRef} message={message?.text} tone={message?.tone} />
      <TextField
        label={t('meetings.records.textEn')}
        lang="en"
        value={en}
        onChange={(e) => setEn(e.target.value)}
      />
      <TextField
        label={t('meetings.records.textEs')}
        lang="es"
        value={es}
        onChange={(e) => setEs(e.target.value)}
      />
      <SelectField
        label={t('meetings.actionItems.ownerOrganization')}
        options={meeting.organizations.map((o) => ({ value: o.id, label: o.name[locale] }))}
        value={orgId}
        onChange={(e) => {
          setOrgId(e.target.value);
          setPersonId('');
        }}
      />
      <SelectField
        label={t('meetings.actionItems.ownerPerson')}
        options={[
          { value: '', label: t('meetings.actionItems.wholeOrganization') },
          ...orgPeople.map((p) => ({ value: p.id, label: p.name })),
        ]}
        value={personId}
        onChange={(e) => setPersonId(e.target.value)}
      />
      <TextField
        label={t('meetings.actionItems.dueDate')}
        type="date"
        value={due}
        onChange={(e) => setDue(e.target.value)}
      />
      <SelectField
        label={t('meetings.records.agendaItem')}
        options={agendaOptions}
        value={agendaItemId}
        onChange={(e) => setAgendaItemId(e.target.value)}
      />
      <button type="submit" className="button" disabled={record.isPending}>
        {t('meetings.actionItems.submit')}
      </button>
    </form>
  );
}

/** A meeting's decisions and action items, with the forms to record them for those who may. */
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
        <DecisionList decisions={records.data.decisions} label={t('meetings.decisions.title')} />
        {meeting.abilities.record ? <DecisionForm meeting={meeting} /> : null}
      </div>
      <div className="records__part">
        <h3 id="meeting-action-items">{t('meetings.actionItems.title')}</h3>
        <ActionItemList
          items={records.data.actionItems}
          highlight={highlight}
          label={t('meetings.actionItems.title')}
        />
        {meeting.abilities.record ? <ActionItemForm meeting={meeting} /> : null}
      </div>
    </div>
  );
}
