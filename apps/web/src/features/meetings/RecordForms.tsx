import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  DueDateSchema,
  type ActionItem,
  type ActionItemInput,
  type Decision,
  type DecisionInput,
  type Meeting,
} from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { ApiError } from '../../lib/api';
import { localizedTitle } from '../portfolio/localizedTitle';
import { usePrograms } from '../portfolio/usePrograms';
import { useMeetingPeople } from './useMeetings';

type Message = { tone: 'error' | 'success'; text: string };

/** A failed record write as a sentence: a 409 says the record is frozen, in the reader's language. */
function useRecordErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error) =>
    error instanceof ApiError && error.status === 409
      ? t('meetings.records.frozen')
      : errorText(error);
}

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

function useProgramOptions(meeting: Meeting, current: string) {
  const { t } = useTranslation();
  const locale = useLocale();
  const programs = usePrograms();
  const ids =
    current && !meeting.programIds.includes(current)
      ? [...meeting.programIds, current]
      : meeting.programIds;
  return [
    { value: '', label: t('meetings.records.noProgram') },
    ...ids.map((id) => {
      const program = programs.data?.find((p) => p.id === id);
      return { value: id, label: program ? (program.code ?? localizedTitle(program, locale)) : id };
    }),
  ];
}

/** Where a form goes: recording a new one (fields cleared after), or changing an existing one. */
interface RecordFormMode<T> {
  /** The record being changed; absent when recording a new one. */
  editing?: T;
  /** After a change is stored (not after recording a new one, which stays open). */
  onSaved?: () => void;
  /** Closes the edit form without saving. */
  onCancel?: () => void;
}

/** A form-level message, focused when it is an error (it is rendered only once there is one). */
function useFormMessage() {
  const [message, setMessage] = useState<Message>();
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message?.tone === 'error') alertRef.current?.focus();
  }, [message]);
  return { message, setMessage, alertRef };
}

/** Moves focus into the first field when an edit form opens. */
function useFocusFirstField(active: boolean) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (active) formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [active]);
  return formRef;
}

/** The language, agenda item and program fields both kinds of record have. */
function useCommonFields(
  meeting: Meeting,
  initial?: Pick<Decision, 'text' | 'agendaItemId' | 'programId'>,
) {
  const [en, setEn] = useState(initial?.text.en ?? '');
  const [es, setEs] = useState(initial?.text.es ?? '');
  const [agendaItemId, setAgendaItemId] = useState(initial?.agendaItemId ?? '');
  const [programId, setProgramId] = useState(initial?.programId ?? '');
  return {
    en,
    es,
    agendaItemId,
    programId,
    setEn,
    setEs,
    setAgendaItemId: (id: string) => {
      setAgendaItemId(id);
      // The program follows the agenda item chosen, when that item is about one.
      const itemProgram = meeting.agenda.find((i) => i.id === id)?.programId;
      if (itemProgram) setProgramId(itemProgram);
    },
    setProgramId,
    clearText: () => {
      setEn('');
      setEs('');
    },
    input: () => ({
      text: { en: en.trim(), es: es.trim() },
      agendaItemId: agendaItemId || null,
      programId: programId || null,
    }),
    blank: !en.trim() && !es.trim(),
  };
}

/** The text of a record in English and Spanish (either may be empty, never both). */
function TextFields({ fields }: { fields: ReturnType<typeof useCommonFields> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('meetings.records.textEn')}
        lang="en"
        value={fields.en}
        onChange={(e) => fields.setEn(e.target.value)}
      />
      <TextField
        label={t('meetings.records.textEs')}
        lang="es"
        value={fields.es}
        onChange={(e) => fields.setEs(e.target.value)}
      />
    </>
  );
}

/** Where a record belongs: its agenda item and program (the program only when the meeting has one). */
function PlacementFields({
  meeting,
  fields,
}: {
  meeting: Meeting;
  fields: ReturnType<typeof useCommonFields>;
}) {
  const { t } = useTranslation();
  const agendaOptions = useAgendaOptions(meeting);
  const programOptions = useProgramOptions(meeting, fields.programId);
  return (
    <>
      <SelectField
        label={t('meetings.records.agendaItem')}
        options={agendaOptions}
        value={fields.agendaItemId}
        onChange={(e) => fields.setAgendaItemId(e.target.value)}
      />
      {programOptions.length > 1 ? (
        <SelectField
          label={t('meetings.records.program')}
          options={programOptions}
          value={fields.programId}
          onChange={(e) => fields.setProgramId(e.target.value)}
        />
      ) : null}
    </>
  );
}

function FormButtons({
  pending,
  submitLabel,
  onCancel,
}: {
  pending: boolean;
  submitLabel: string;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="record-form__buttons">
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('meetings.records.saving') : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('meetings.records.cancel')}
        </button>
      ) : null}
    </div>
  );
}

/** Records a decision, or changes one (`editing`): text in either language, agenda item, program. */
export function DecisionForm({
  meeting,
  editing,
  onSaved,
  onCancel,
  save,
}: RecordFormMode<Decision> & {
  meeting: Meeting;
  /** Stores the input: creates or updates. */
  save: (input: DecisionInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const errorText = useRecordErrorText();
  const queryClient = useQueryClient();
  const fields = useCommonFields(meeting, editing);
  const { message, setMessage, alertRef } = useFormMessage();
  const formRef = useFocusFirstField(Boolean(editing));
  const record = useMutation({
    mutationFn: () => save(fields.input()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      if (editing) {
        onSaved?.();
        return;
      }
      fields.clearText();
      setMessage({ tone: 'success', text: t('meetings.decisions.recorded') });
    },
    onError: (error) => {
      setMessage({ tone: 'error', text: errorText(error) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (fields.blank) {
      setMessage({ tone: 'error', text: t('meetings.records.textRequired') });
      return;
    }
    record.mutate();
  };
  return (
    <form
      ref={formRef}
      className={`form record-form${editing ? ' record-form--edit' : ''}`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) onCancel();
      }}
      noValidate
      aria-label={editing ? t('meetings.decisions.edit') : undefined}
    >
      <h4>{editing ? t('meetings.decisions.edit') : t('meetings.decisions.add')}</h4>
      <FormAlert ref={alertRef} message={message?.text} tone={message?.tone} />
      <TextFields fields={fields} />
      <PlacementFields meeting={meeting} fields={fields} />
      <FormButtons
        pending={record.isPending}
        submitLabel={editing ? t('meetings.records.save') : t('meetings.decisions.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}

/** Records an action item, or changes one (`editing`): text, owner organization and person, due date, agenda item, program. */
export function ActionItemForm({
  meeting,
  editing,
  onSaved,
  onCancel,
  save,
}: RecordFormMode<ActionItem> & {
  meeting: Meeting;
  /** Stores the input: creates or updates. */
  save: (input: ActionItemInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useRecordErrorText();
  const queryClient = useQueryClient();
  const people = useMeetingPeople(meeting.id, true);
  const fields = useCommonFields(meeting, editing);
  const [orgId, setOrgId] = useState(
    editing?.ownerOrganization.id ?? meeting.organizations[0]?.id ?? '',
  );
  const [personId, setPersonId] = useState(editing?.ownerPerson?.id ?? '');
  const [due, setDue] = useState(editing?.dueDate ?? '');
  const { message, setMessage, alertRef } = useFormMessage();
  const formRef = useFocusFirstField(Boolean(editing));
  const record = useMutation({
    mutationFn: () =>
      save({
        ...fields.input(),
        ownerOrganizationId: orgId,
        ownerUserId: personId || null,
        dueDate: due,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      if (editing) {
        onSaved?.();
        return;
      }
      fields.clearText();
      setDue('');
      setPersonId('');
      setMessage({ tone: 'success', text: t('meetings.actionItems.recorded') });
    },
    onError: (error) => {
      setMessage({ tone: 'error', text: errorText(error) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = fields.blank
      ? t('meetings.records.textRequired')
      : !orgId
        ? t('meetings.actionItems.ownerRequired')
        : !DueDateSchema.safeParse(due).success
          ? t('meetings.actionItems.dueRequired')
          : undefined;
    if (problem) {
      setMessage({ tone: 'error', text: problem });
      return;
    }
    record.mutate();
  };
  const orgPeople = (people.data ?? []).filter((p) => p.organizationId === orgId);
  // The current owner stays choosable while the people load or if they left the list.
  const personOptions =
    editing?.ownerPerson &&
    editing.ownerOrganization.id === orgId &&
    !orgPeople.some((p) => p.id === editing.ownerPerson?.id)
      ? [...orgPeople, { id: editing.ownerPerson.id, name: editing.ownerPerson.name }]
      : orgPeople;
  const organizations =
    editing && !meeting.organizations.some((o) => o.id === editing.ownerOrganization.id)
      ? [...meeting.organizations, editing.ownerOrganization]
      : meeting.organizations;
  return (
    <form
      ref={formRef}
      className={`form record-form${editing ? ' record-form--edit' : ''}`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) onCancel();
      }}
      noValidate
      aria-label={editing ? t('meetings.actionItems.edit') : undefined}
    >
      <h4>{editing ? t('meetings.actionItems.edit') : t('meetings.actionItems.add')}</h4>
      <FormAlert ref={alertRef} message={message?.text} tone={message?.tone} />
      <TextFields fields={fields} />
      <SelectField
        label={t('meetings.actionItems.ownerOrganization')}
        options={organizations.map((o) => ({ value: o.id, label: o.name[locale] }))}
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
          ...personOptions.map((p) => ({ value: p.id, label: p.name })),
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
      <PlacementFields meeting={meeting} fields={fields} />
      <FormButtons
        pending={record.isPending}
        submitLabel={editing ? t('meetings.records.save') : t('meetings.actionItems.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}
