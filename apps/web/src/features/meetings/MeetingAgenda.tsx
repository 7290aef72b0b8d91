import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AGENDA_ITEMS_MAX, type Meeting } from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { saveAgenda } from '../../lib/meetingsApi';
import { localizedTitle } from '../portfolio/localizedTitle';
import { usePrograms } from '../portfolio/usePrograms';
import { AgendaEditor } from './AgendaEditor';
import {
  agendaInput,
  agendaProblems,
  draftOf,
  hasAgendaProblems,
  type AgendaItemProblems,
  type DraftAgendaItem,
} from './agendaDraft';
import { meetingKeys } from './queryKeys';

function sameDraft(a: readonly DraftAgendaItem[], b: readonly DraftAgendaItem[]): boolean {
  return JSON.stringify(agendaInput(a)) === JSON.stringify(agendaInput(b));
}

/** The agenda as everyone reads it. */
export function AgendaList({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const programs = usePrograms();
  if (meeting.agenda.length === 0) return <p className="muted">{t('meetings.agenda.noItems')}</p>;
  return (
    <ol className="agenda-list">
      {[...meeting.agenda]
        .sort((a, b) => a.position - b.position)
        .map((item) => {
          const presenter = meeting.organizations.find(
            (o) => o.id === item.presentingOrganizationId,
          );
          const program = programs.data?.find((p) => p.id === item.programId);
          return (
            <li key={item.id} className="agenda-list__item">
              <span className="agenda-list__title">{item.title[locale]}</span>
              <span className="agenda-list__meta muted">
                {t(`meetings.kind.${item.kind}`)} ·{' '}
                {t('meetings.agenda.plannedMinutes', { count: item.plannedMinutes })}
                {presenter
                  ? ` · ${t('meetings.agenda.presentedBy', { name: presenter.name[locale] })}`
                  : ''}
                {program ? ` · ${program.code ?? localizedTitle(program, locale)}` : ''}
              </span>
            </li>
          );
        })}
    </ol>
  );
}

/**
 * The chair's agenda editor on the meeting page: edits a copy, saves the whole agenda against
 * the revision it started from; when someone saved first (409) it says so and offers their
 * version, keeping nothing silently.
 */
export function AgendaSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const programs = usePrograms();
  const [base, setBase] = useState(() => ({
    revision: meeting.agendaRevision,
    items: draftOf(meeting.agenda),
  }));
  const [items, setItems] = useState<DraftAgendaItem[]>(base.items);
  const [problems, setProblems] = useState<AgendaItemProblems[]>([]);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | undefined>();
  const alertRef = useRef<HTMLDivElement>(null);
  const dirty = !sameDraft(items, base.items);

  // A newer agenda from elsewhere replaces an untouched copy at once (state adjusted while
  // rendering, as React recommends over an effect).
  if (meeting.agendaRevision !== base.revision && !dirty) {
    const next = { revision: meeting.agendaRevision, items: draftOf(meeting.agenda) };
    setBase(next);
    setItems(next.items);
  }

  const save = useMutation({
    mutationFn: () =>
      saveAgenda(meeting.id, { revision: base.revision, items: agendaInput(items) }),
    onSuccess: (outcome) => {
      if ('stale' in outcome) {
        setMessage({ tone: 'error', text: t('meetings.agenda.stale') });
        queryClient.setQueryData(meetingKeys.meeting(meeting.id), outcome.stale);
      } else {
        queryClient.setQueryData(meetingKeys.meeting(meeting.id), outcome.saved);
        const next = {
          revision: outcome.saved.agendaRevision,
          items: draftOf(outcome.saved.agenda),
        };
        setBase(next);
        setItems(next.items);
        setMessage({ tone: 'success', text: t('meetings.agenda.saved') });
      }
      alertRef.current?.focus();
    },
    onError: (error) => {
      setMessage({ tone: 'error', text: errorText(error) });
      alertRef.current?.focus();
    },
  });
  const stale = meeting.agendaRevision !== base.revision;
  const reload = () => {
    const next = { revision: meeting.agendaRevision, items: draftOf(meeting.agenda) };
    setBase(next);
    setItems(next.items);
    setProblems([]);
    setMessage(undefined);
  };
  const submit = () => {
    const found = agendaProblems(items);
    setProblems(found);
    if (hasAgendaProblems(found)) {
      setMessage({ tone: 'error', text: t('meetings.form.fix') });
      alertRef.current?.focus();
      return;
    }
    save.mutate();
  };
  return (
    <div className="agenda-section">
      <FormAlert ref={alertRef} message={message?.text} tone={message?.tone} />
      {stale && dirty ? (
        <div className="agenda-section__stale" role="status">
          <p>{t('meetings.agenda.changedElsewhere')}</p>
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('meetings.agenda.reload')}
          </button>
        </div>
      ) : null}
      <AgendaEditor
        label={t('meetings.agenda.title')}
        items={items}
        onChange={(next) => {
          setItems(next);
          if (message?.tone === 'success') setMessage(undefined);
        }}
        organizations={meeting.organizations.map((o) => ({ id: o.id, label: o.name[locale] }))}
        programs={(programs.data ?? [])
          .filter((p) => meeting.programIds.includes(p.id))
          .map((p) => ({ id: p.id, label: p.code ?? localizedTitle(p, locale) }))}
        problems={problems}
        max={AGENDA_ITEMS_MAX}
      />
      <div className="agenda-section__actions">
        <button
          type="button"
          className="button"
          onClick={submit}
          disabled={!dirty || save.isPending}
        >
          {save.isPending ? t('meetings.agenda.saving') : t('meetings.agenda.save')}
        </button>
        {dirty ? (
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('meetings.agenda.discard')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
