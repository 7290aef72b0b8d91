import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  AGENDA_ITEMS_MAX,
  type Meeting,
  type MeetingPerson,
  type UpdateMeetingInput,
} from '@mesa/shared';
import './meetings.css';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { TimeZonePicker } from '../../components/TimeZonePicker';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { createMeeting, saveOrganizations, updateMeeting } from '../../lib/meetingsApi';
import { useMe } from '../auth/useMe';
import { useTimeZone } from '../auth/useTimeZone';
import { localizedTitle } from '../portfolio/localizedTitle';
import { useOrganizations } from '../portfolio/useOrganizations';
import { usePrograms } from '../portfolio/usePrograms';
import { AgendaEditor } from './AgendaEditor';
import { newItemKey } from './agendaDraft';
import {
  draftOfMeeting,
  draftTimes,
  meetingInput,
  newMeetingDraft,
  type MeetingDraft,
  type MeetingFormProblems,
} from './meetingForm';
import { meetingKeys } from './queryKeys';
import { useMeeting, useMeetingOptions } from './useMeetings';

const noProblems: MeetingFormProblems = { fields: {}, agenda: [] };

function utcPreview(draft: MeetingDraft): string | null {
  const { startsAt, endsAt } = draftTimes(draft);
  if (!startsAt || !endsAt) return null;
  const show = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return `${show(startsAt)} – ${show(endsAt)} UTC`;
}

interface MeetingFormProps {
  /** The meeting being edited; absent for a new one. */
  meeting?: Meeting;
}

/**
 * The meeting form: titles, programs (none = a plenary), start and end entered in a chosen zone
 * (the person's by default) with their UTC equivalent, place and call link, the chair,
 * participating organizations (those of the programs pre-filled), the room's rules and, for a
 * new meeting, the agenda with the offered review of open action items.
 */
function MeetingForm({ meeting }: MeetingFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const errorText = useErrorText(zone);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const programs = usePrograms();
  const organizations = useOrganizations();
  const [draft, setDraft] = useState<MeetingDraft>(() =>
    meeting ? draftOfMeeting(meeting, zone) : newMeetingDraft(zone),
  );
  // Organizations the person ticked or unticked themselves; the rest follow the programs' defaults.
  const [orgChoices, setOrgChoices] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [review, setReview] = useState(true);
  const [problems, setProblems] = useState<MeetingFormProblems>(noProblems);
  const [alert, setAlert] = useState<string | undefined>();
  const alertRef = useRef<HTMLDivElement>(null);
  const options = useMeetingOptions(draft.programIds);
  const set = (patch: Partial<MeetingDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const defaults = useMemo(
    () =>
      meeting
        ? new Set(meeting.organizations.map((o) => o.id))
        : new Set((options.data?.organizations ?? []).map((o) => o.id)),
    [meeting, options.data],
  );
  const chosenOrgIds = (organizations.data ?? [])
    .map((o) => o.id)
    .filter((id) => orgChoices.get(id) ?? defaults.has(id));
  const openItems = meeting ? [] : (options.data?.openActionItems ?? []);
  const candidates: MeetingPerson[] = useMemo(() => {
    const list: MeetingPerson[] = options.data?.chairs ?? [];
    if (meeting && !list.some((p) => p.id === meeting.chair.id)) return [meeting.chair, ...list];
    return list;
  }, [options.data, meeting]);

  // The person chairs by default when they may, else the first candidate.
  const chairId = candidates.some((p) => p.id === draft.chairId)
    ? draft.chairId
    : ((candidates.find((p) => p.id === me.data?.user.id) ?? candidates[0])?.id ?? '');

  const save = useMutation({
    mutationFn: async (built: MeetingDraft): Promise<Meeting> => {
      const result = meetingInput(built);
      if ('problems' in result) throw new Error('The form was checked before sending');
      if (!meeting) return createMeeting(result.input);
      const { agenda: _agenda, organizationIds, ...details } = result.input;
      void _agenda;
      const patch: UpdateMeetingInput = details;
      let saved = await updateMeeting(meeting.id, patch);
      const before = new Set(meeting.organizations.map((o) => o.id));
      const after = new Set(organizationIds ?? []);
      if (before.size !== after.size || [...after].some((id) => !before.has(id)))
        saved = await saveOrganizations(meeting.id, [...after]);
      return saved;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(meetingKeys.meeting(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.lists });
      void navigate(`/meetings/${saved.id}`);
    },
    onError: (error) => {
      setAlert(errorText(error));
      alertRef.current?.focus();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const withReview: MeetingDraft = {
      ...draft,
      chairId,
      organizationIds: chosenOrgIds,
      agenda:
        !meeting &&
        review &&
        openItems.length > 0 &&
        !draft.agenda.some((i) => i.reviewsActionItems)
          ? [
              {
                key: newItemKey(),
                titleEn: t('meetings.form.reviewTitle', { lng: 'en' }),
                titleEs: t('meetings.form.reviewTitle', { lng: 'es' }),
                kind: 'discussion',
                presentingOrganizationId: null,
                programId: null,
                plannedMinutes: '15',
                reviewsActionItems: true,
              },
              ...draft.agenda,
            ]
          : draft.agenda,
    };
    const checked = meetingInput(withReview);
    if ('problems' in checked) {
      setProblems(checked.problems);
      setAlert(t('meetings.form.fix'));
      alertRef.current?.focus();
      return;
    }
    setProblems(noProblems);
    setAlert(undefined);
    save.mutate(withReview);
  };

  const fieldError = (key: keyof MeetingFormProblems['fields']) => {
    const problem = problems.fields[key];
    return problem ? t(problem) : undefined;
  };
  const toggleProgram = (id: string) =>
    set({
      programIds: draft.programIds.includes(id)
        ? draft.programIds.filter((p) => p !== id)
        : [...draft.programIds, id],
    });
  const toggleOrg = (id: string) =>
    setOrgChoices((prev) => new Map(prev).set(id, !chosenOrgIds.includes(id)));
  const preview = utcPreview(draft);
  const programChoices = (programs.data ?? [])
    .filter((p) => draft.programIds.includes(p.id))
    .map((p) => ({
      id: p.id,
      label: `${p.code ? `${p.code} · ` : ''}${localizedTitle(p, locale)}`,
    }));
  const orgChoiceList = (organizations.data ?? [])
    .filter((o) => chosenOrgIds.includes(o.id))
    .map((o) => ({ id: o.id, label: o.name[locale] }));

  return (
    <form className="form meeting-form" onSubmit={submit} noValidate>
      <FormAlert ref={alertRef} message={alert} />
      <TextField
        label={t('meetings.form.titleEn')}
        lang="en"
        required
        maxLength={200}
        value={draft.titleEn}
        error={fieldError('titleEn')}
        onChange={(e) => set({ titleEn: e.target.value })}
      />
      <TextField
        label={t('meetings.form.titleEs')}
        lang="es"
        required
        maxLength={200}
        value={draft.titleEs}
        error={fieldError('titleEs')}
        onChange={(e) => set({ titleEs: e.target.value })}
      />
      <fieldset className="fieldset meeting-form__programs">
        <legend>{t('meetings.form.programs')}</legend>
        <p className="muted">{t('meetings.form.programsHint')}</p>
        <div className="meeting-form__checks">
          {(programs.data ?? []).map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={draft.programIds.includes(p.id)}
                onChange={() => toggleProgram(p.id)}
              />{' '}
              {p.code ? `${p.code} · ` : ''}
              {localizedTitle(p, locale)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset meeting-form__when">
        <legend>{t('meetings.form.when')}</legend>
        <TimeZonePicker
          label={t('meetings.form.zone')}
          hint={t('meetings.form.zoneHint')}
          value={draft.zone}
          onChange={(value) => set({ zone: value })}
        />
        <div className="meeting-form__times">
          <TextField
            label={t('meetings.form.startDate')}
            type="date"
            value={draft.startDate}
            error={fieldError('start')}
            onChange={(e) =>
              set({
                startDate: e.target.value,
                endDate: draft.endDate === draft.startDate ? e.target.value : draft.endDate,
              })
            }
          />
          {/* Text, not type="time": a time input follows the browser's locale (12-hour in
              en-US), and Mesa reads times on the 24-hour clock. */}
          <TextField
            label={t('meetings.form.startTime')}
            hint={t('meetings.form.timeHint')}
            inputMode="numeric"
            maxLength={5}
            autoComplete="off"
            value={draft.startTime}
            onChange={(e) => set({ startTime: e.target.value })}
          />
          <TextField
            label={t('meetings.form.endDate')}
            type="date"
            value={draft.endDate}
            error={fieldError('end')}
            onChange={(e) => set({ endDate: e.target.value })}
          />
          <TextField
            label={t('meetings.form.endTime')}
            hint={t('meetings.form.timeHint')}
            inputMode="numeric"
            maxLength={5}
            autoComplete="off"
            value={draft.endTime}
            onChange={(e) => set({ endTime: e.target.value })}
          />
        </div>
        <p className="meeting-form__utc" aria-live="polite">
          {preview ? t('meetings.form.utc', { time: preview }) : t('meetings.form.badTime')}
        </p>
      </fieldset>
      <TextField
        label={t('meetings.form.location')}
        maxLength={300}
        value={draft.location}
        error={fieldError('location')}
        onChange={(e) => set({ location: e.target.value })}
      />
      <TextField
        label={t('meetings.form.callUrl')}
        hint={t('meetings.form.callUrlHint')}
        type="url"
        inputMode="url"
        value={draft.callUrl}
        error={fieldError('callUrl')}
        onChange={(e) => set({ callUrl: e.target.value })}
      />
      <SelectField
        label={t('meetings.form.chair')}
        hint={t('meetings.form.chairHint')}
        value={chairId}
        error={fieldError('chairId')}
        options={[
          ...(chairId ? [] : [{ value: '', label: t('meetings.form.chooseChair') }]),
          ...candidates.map((p) => ({ value: p.id, label: p.name })),
        ]}
        onChange={(e) => set({ chairId: e.target.value })}
      />
      <fieldset className="fieldset meeting-form__orgs">
        <legend>{t('meetings.form.organizations', { count: chosenOrgIds.length })}</legend>
        <p className="muted">{t('meetings.form.organizationsHint')}</p>
        <div className="meeting-form__checks">
          {(organizations.data ?? []).map((o) => (
            <label key={o.id} className="check">
              <input
                type="checkbox"
                checked={chosenOrgIds.includes(o.id)}
                onChange={() => toggleOrg(o.id)}
              />{' '}
              {o.name[locale]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('meetings.form.rules')}</legend>
        <TextField
          label={t('meetings.form.amendmentDays')}
          hint={t('meetings.form.amendmentHint')}
          inputMode="numeric"
          value={draft.amendmentDays}
          error={fieldError('amendmentDays')}
          onChange={(e) => set({ amendmentDays: e.target.value })}
        />
        <TextField
          label={t('meetings.form.speakerMinutes')}
          hint={t('meetings.form.speakerHint')}
          inputMode="numeric"
          value={draft.speakerMinutes}
          error={fieldError('speakerMinutes')}
          onChange={(e) => set({ speakerMinutes: e.target.value })}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={draft.oneSpeakerPerDelegation}
            onChange={(e) => set({ oneSpeakerPerDelegation: e.target.checked })}
          />{' '}
          {t('meetings.form.oneSpeaker')}
        </label>
      </fieldset>
      {meeting ? null : (
        <fieldset className="fieldset meeting-form__agenda">
          <legend>{t('meetings.agenda.title')}</legend>
          {openItems.length > 0 ? (
            <label className="check">
              <input
                type="checkbox"
                checked={review}
                onChange={(e) => setReview(e.target.checked)}
              />{' '}
              {t('meetings.form.offerReview', { count: openItems.length })}
            </label>
          ) : null}
          <AgendaEditor
            label={t('meetings.agenda.title')}
            items={draft.agenda}
            onChange={(agenda) => set({ agenda })}
            organizations={orgChoiceList}
            programs={programChoices}
            problems={problems.agenda}
            max={AGENDA_ITEMS_MAX - (review && openItems.length > 0 ? 1 : 0)}
          />
        </fieldset>
      )}
      <div className="meeting-form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending
            ? t('meetings.form.saving')
            : meeting
              ? t('meetings.form.saveChanges')
              : t('meetings.form.create')}
        </button>
        <Link to={meeting ? `/meetings/${meeting.id}` : '/meetings'}>
          {t('meetings.form.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** `/meetings/new`: a new meeting. */
export function NewMeetingPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('meetings.form.newTitle'));
  // The form starts in the person's own zone: wait for it.
  if (!me.data) return <LoadingState label={t('meetings.form.loading')} />;
  return (
    <div className="page meeting-form-page">
      <header className="page-header">
        <h1>{t('meetings.form.newTitle')}</h1>
        <p className="page-header__lead">{t('meetings.form.lead')}</p>
      </header>
      <MeetingForm />
    </div>
  );
}

/** `/meetings/:meetingId/edit`: a meeting's details and participating organizations. */
export function EditMeetingPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  const me = useMe();
  useDocumentTitle(t('meetings.form.editTitle'));
  if (meeting.error)
    return (
      <div className="page">
        <ErrorState
          title={t('meetings.loadOneError')}
          error={meeting.error}
          onRetry={() => void meeting.refetch()}
        />
      </div>
    );
  if (!meeting.data || !me.data) return <LoadingState label={t('meetings.loadingOne')} />;
  return (
    <div className="page meeting-form-page">
      <header className="page-header">
        <h1>{t('meetings.form.editTitle')}</h1>
        <p className="page-header__lead">{meeting.data.title[locale]}</p>
      </header>
      {meeting.data.abilities.edit ? (
        <MeetingForm meeting={meeting.data} />
      ) : (
        <p>{t('meetings.form.notAllowed')}</p>
      )}
    </div>
  );
}
