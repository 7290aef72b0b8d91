import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Meeting, MeetingPerson } from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { saveRoles } from '../../lib/meetingsApi';
import { meetingKeys } from './queryKeys';
import { useMeetingPeople } from './useMeetings';

type Role = 'coChair' | 'rapporteur' | 'none';

/** Who chairs and reports, and the delegations at the table. */
export function MeetingPeople({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = (people: MeetingPerson[]) =>
    people.length > 0 ? people.map((p) => p.name).join(', ') : t('meetings.roles.nobody');
  return (
    <dl className="meeting-facts">
      <dt>{t('meetings.roles.chair')}</dt>
      <dd>{meeting.chair.name}</dd>
      <dt>{t('meetings.roles.coChairs')}</dt>
      <dd>{names(meeting.coChairs)}</dd>
      <dt>{t('meetings.roles.rapporteurs')}</dt>
      <dd>{names(meeting.rapporteurs)}</dd>
      <dt>{t('meetings.roles.delegations', { count: meeting.organizations.length })}</dt>
      <dd>
        <ul className="meeting-delegations">
          {meeting.organizations.map((o) => (
            <li key={o.id}>{o.name[locale]}</li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}

/** The chair names co-chairs and rapporteurs among role `member` people of participating organizations. */
export function RolesEditor({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const people = useMeetingPeople(meeting.id, true);
  const [roles, setRoles] = useState<ReadonlyMap<string, Role>>(
    () =>
      new Map([
        ...meeting.coChairs.map((p) => [p.id, 'coChair'] as const),
        ...meeting.rapporteurs.map((p) => [p.id, 'rapporteur'] as const),
      ]),
  );
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string }>();
  const alertRef = useRef<HTMLDivElement>(null);
  const save = useMutation({
    mutationFn: () =>
      saveRoles(meeting.id, {
        coChairIds: [...roles].filter(([, r]) => r === 'coChair').map(([id]) => id),
        rapporteurIds: [...roles].filter(([, r]) => r === 'rapporteur').map(([id]) => id),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(meetingKeys.meeting(meeting.id), saved);
      setMessage({ tone: 'success', text: t('meetings.roles.saved') });
      alertRef.current?.focus();
    },
    onError: (error) => {
      setMessage({ tone: 'error', text: errorText(error) });
      alertRef.current?.focus();
    },
  });
  if (!people.data) return <LoadingState label={t('meetings.roles.loading')} />;
  const orgName = (id: string) =>
    meeting.organizations.find((o) => o.id === id)?.name[locale] ?? '';
  const candidates = people.data.filter((p) => p.role === 'member' && p.id !== meeting.chair.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form roles-editor" onSubmit={submit}>
      <FormAlert ref={alertRef} message={message?.text} tone={message?.tone} />
      {candidates.length === 0 ? <p className="muted">{t('meetings.roles.noCandidates')}</p> : null}
      <table className="roles-editor__table">
        <caption className="visually-hidden">{t('meetings.roles.editTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.roles.person')}</th>
            <th scope="col">{t('meetings.roles.role')}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                {person.name} <span className="muted">({orgName(person.organizationId)})</span>
              </th>
              <td>
                <select
                  className="field__input field__select"
                  aria-label={t('meetings.roles.roleOf', { name: person.name })}
                  value={roles.get(person.id) ?? 'none'}
                  onChange={(e) =>
                    setRoles((prev) => new Map(prev).set(person.id, e.target.value as Role))
                  }
                >
                  <option value="none">{t('meetings.roles.none')}</option>
                  <option value="coChair">{t('meetings.roles.coChair')}</option>
                  <option value="rapporteur">{t('meetings.roles.rapporteur')}</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('meetings.roles.save')}
      </button>
    </form>
  );
}
