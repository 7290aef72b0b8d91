import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublishedRecord, User } from '@mesa/shared';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { isApiErrorStatus } from '../../lib/api';
import { formatDateTime, formatTime } from '../../lib/intl';
import {
  addMeetingAddendum,
  fetchMeetingRecord,
  meetingRecordKeys,
  meetingRecordMarkdownUrl,
} from '../../lib/meetingRecordApi';
import { useMe } from '../auth/useMe';
import { MarkdownBlocks } from './markdownBlocks';
import './meetingRecord.css';

/**
 * A meeting's published record (`/meetings/:id/record`): the minutes as published, attendance
 * by delegation, decisions and action items as they stood, addenda with author and date (and
 * the form to add one for the officers and admins), the Markdown download and a printable
 * layout — headings in the reader's language, times on the 24-hour clock in their zone.
 */
export function PublishedRecordPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const record = useQuery({
    queryKey: meetingRecordKeys.record(id),
    queryFn: ({ signal }) => fetchMeetingRecord(id, signal),
    retry: (count, error) => count < 2 && ![403, 404, 409].some((s) => isApiErrorStatus(error, s)),
  });
  const locale = useLocale();
  const loadedTitle = record.data
    ? (locale === 'es' ? record.data.title.es || record.data.title.en : record.data.title.en) ||
      record.data.title.es
    : null;
  useDocumentTitle(loadedTitle ?? t('meetingRecord.pageTitle'));
  if (record.error) {
    const notYet = isApiErrorStatus(record.error, 409);
    const missing = isApiErrorStatus(record.error, 404) || isApiErrorStatus(record.error, 403);
    if (notYet || missing)
      return (
        <div className="page">
          <EmptyState
            level={1}
            title={notYet ? t('meetingRecord.notPublished') : t('meetingRecord.unavailable')}
            body={notYet ? t('meetingRecord.notPublishedBody') : t('meetingRecord.unavailableBody')}
            action={
              <Link to={`/meetings/${encodeURIComponent(id)}`}>{t('meetingRecord.back')}</Link>
            }
          />
        </div>
      );
    return (
      <div className="page">
        <ErrorState
          level={1}
          title={t('meetingRecord.loadError')}
          error={record.error}
          onRetry={() => void record.refetch()}
        />
      </div>
    );
  }
  if (!record.data || !me.data) return <LoadingState label={t('meetingRecord.loading')} />;
  return <RecordView record={record.data} me={me.data.user} />;
}

function RecordView({ record, me }: { record: PublishedRecord; me: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = me.timeZone;
  const text = (value: { en: string; es: string }) =>
    (locale === 'es' ? value.es || value.en : value.en || value.es).trim();
  const when = (iso: string) => formatDateTime(iso, locale, zone);
  const clock = (iso: string) => formatTime(new Date(iso), locale, zone);
  const title = text(record.title);
  const officers = [record.chair, ...record.coChairs, ...record.rapporteurs];
  const mayAddAddendum =
    me.role !== 'viewer' && (me.role === 'admin' || officers.some((p) => p.id === me.id));
  const agendaTitle = (itemId: string | null) => {
    const item = record.agenda.find((a) => a.id === itemId);
    return item ? `${item.position + 1}. ${text(item.title)}` : null;
  };
  return (
    <div className="page meeting-record">
      <header className="page-header meeting-record__header">
        <p className="meeting-record__kicker">
          <Link to={`/meetings/${encodeURIComponent(record.meetingId)}`}>
            {t('meetingRecord.back')}
          </Link>
        </p>
        <h1>{title}</h1>
        <p className="meeting-record__subtitle">{t('meetingRecord.subtitle')}</p>
        <dl className="meeting-record__facts">
          <dt>{t('meetingRecord.when')}</dt>
          <dd>
            {when(record.startsAt)}–{clock(record.endsAt)} <span className="muted">({zone})</span>
          </dd>
          {record.location ? (
            <>
              <dt>{t('meetingRecord.where')}</dt>
              <dd>{record.location}</dd>
            </>
          ) : null}
          <dt>{t('meetingRecord.chair')}</dt>
          <dd>{record.chair.name}</dd>
          {record.coChairs.length > 0 ? (
            <>
              <dt>{t('meetingRecord.coChairs')}</dt>
              <dd>{record.coChairs.map((p) => p.name).join(', ')}</dd>
            </>
          ) : null}
          {record.rapporteurs.length > 0 ? (
            <>
              <dt>{t('meetingRecord.rapporteurs')}</dt>
              <dd>{record.rapporteurs.map((p) => p.name).join(', ')}</dd>
            </>
          ) : null}
          <dt>{t('meetingRecord.published')}</dt>
          <dd>
            {t('meetingRecord.publishedBy', {
              time: when(record.publishedAt),
              name: record.publishedBy.name,
            })}
          </dd>
        </dl>
        <div className="meeting-record__actions">
          <a
            className="button button--secondary"
            href={meetingRecordMarkdownUrl(record.meetingId, locale)}
            download
          >
            {t('meetingRecord.downloadMarkdown')}
          </a>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t('meetingRecord.print')}
          </button>
        </div>
      </header>

      <section aria-labelledby="record-agenda" className="meeting-record__section">
        <h2 id="record-agenda">{t('meetingRecord.agenda')}</h2>
        {record.agenda.length === 0 ? (
          <p className="muted">{t('meetingRecord.noAgenda')}</p>
        ) : (
          <ol className="meeting-record__agenda">
            {record.agenda.map((item) => (
              <li key={item.id}>
                {text(item.title)}{' '}
                <span className="muted">
                  ({t(`meetingRecord.kind.${item.kind}`)},{' '}
                  {t('meetingRecord.plannedMinutes', { count: item.plannedMinutes })})
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="record-minutes" className="meeting-record__section">
        <h2 id="record-minutes">{t('meetingRecord.minutes')}</h2>
        <div className="meeting-record__minutes">
          {record.minutesMarkdown.trim() ? (
            <MarkdownBlocks markdown={record.minutesMarkdown} shift={1} />
          ) : (
            <p className="muted">{t('meetingRecord.noMinutes')}</p>
          )}
        </div>
      </section>

      <section aria-labelledby="record-attendance" className="meeting-record__section">
        <h2 id="record-attendance">{t('meetingRecord.attendance')}</h2>
        {record.attendance.length === 0 ? (
          <p className="muted">{t('meetingRecord.noAttendance')}</p>
        ) : (
          // Scrolls sideways on a phone: focusable so the keyboard can scroll it too.
          <div
            className="meeting-record__scroll"
            tabIndex={0}
            role="region"
            aria-labelledby="record-attendance"
          >
            <table className="record-table">
              <thead>
                <tr>
                  <th scope="col">{t('meetingRecord.delegation')}</th>
                  <th scope="col">{t('meetingRecord.mark')}</th>
                  <th scope="col">{t('meetingRecord.inRoom')}</th>
                </tr>
              </thead>
              <tbody>
                {record.attendance.map((a) => (
                  <tr key={a.organization.id}>
                    <th scope="row">{text(a.organization.name)}</th>
                    <td>{t(`meetingRecord.marks.${a.mark ?? 'none'}`)}</td>
                    <td>
                      {a.people.length === 0 ? (
                        <span className="muted">{t('meetingRecord.nobodyInRoom')}</span>
                      ) : (
                        <ul className="meeting-record__people">
                          {a.people.map((p) => (
                            <li key={p.id}>
                              {p.name}{' '}
                              <span className="muted">
                                {p.stays
                                  .map(
                                    (s) =>
                                      `${clock(s.joinedAt)}–${s.leftAt ? clock(s.leftAt) : ''}`,
                                  )
                                  .join(', ')}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="record-decisions" className="meeting-record__section">
        <h2 id="record-decisions">{t('meetingRecord.decisions')}</h2>
        {record.decisions.length === 0 ? (
          <p className="muted">{t('meetingRecord.noDecisions')}</p>
        ) : (
          <ol className="meeting-record__list">
            {record.decisions.map((d) => (
              <li key={d.id}>
                <p>{text(d.text)}</p>
                {agendaTitle(d.agendaItemId) ? (
                  <p className="muted">{agendaTitle(d.agendaItemId)}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="record-actions" className="meeting-record__section">
        <h2 id="record-actions">{t('meetingRecord.actionItems')}</h2>
        <p className="muted">{t('meetingRecord.actionItemsNote')}</p>
        {record.actionItems.length === 0 ? (
          <p className="muted">{t('meetingRecord.noActionItems')}</p>
        ) : (
          <div
            className="meeting-record__scroll"
            tabIndex={0}
            role="region"
            aria-labelledby="record-actions"
          >
            <table className="record-table">
              <thead>
                <tr>
                  <th scope="col">{t('meetingRecord.action')}</th>
                  <th scope="col">{t('meetingRecord.owner')}</th>
                  <th scope="col">{t('meetingRecord.due')}</th>
                  <th scope="col">{t('meetingRecord.status')}</th>
                </tr>
              </thead>
              <tbody>
                {record.actionItems.map((a) => (
                  <tr key={a.id}>
                    <td>{text(a.text)}</td>
                    <td>
                      {text(a.ownerOrganization.name)}
                      {a.ownerPerson ? <> · {a.ownerPerson.name}</> : null}
                    </td>
                    <td>{a.dueDate}</td>
                    <td>
                      {t(`meetingRecord.statuses.${a.status}`)}
                      {a.overdue ? (
                        <span className="meeting-record__overdue">
                          {' '}
                          {t('meetingRecord.overdue')}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="record-addenda" className="meeting-record__section">
        <h2 id="record-addenda">{t('meetingRecord.addenda')}</h2>
        {record.addenda.length === 0 ? (
          <p className="muted">{t('meetingRecord.noAddenda')}</p>
        ) : (
          <ol className="meeting-record__addenda">
            {record.addenda.map((a) => (
              <li key={a.id}>
                <p className="meeting-record__addendum-meta">
                  {t('meetingRecord.addendumBy', { name: a.author.name, time: when(a.createdAt) })}
                </p>
                <p className="meeting-record__addendum-body">{a.body}</p>
              </li>
            ))}
          </ol>
        )}
        {mayAddAddendum ? <AddendumForm meetingId={record.meetingId} /> : null}
      </section>
    </div>
  );
}

const MAX_ADDENDUM = 8000;

function AddendumForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: (text: string) => addMeetingAddendum(meetingId, text),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: meetingRecordKeys.record(meetingId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return setProblem(t('meetingRecord.addendumEmpty'));
    if (text.length > MAX_ADDENDUM) return setProblem(t('meetingRecord.addendumTooLong'));
    setProblem(undefined);
    add.mutate(text);
  };
  const failure = add.error
    ? isApiErrorStatus(add.error, 403)
      ? t('meetingRecord.addendumForbidden')
      : t('meetingRecord.addendumError')
    : undefined;
  return (
    <form className="meeting-record__addendum-form" onSubmit={submit} noValidate>
      <label htmlFor="addendum-body">{t('meetingRecord.addendumLabel')}</label>
      <p id="addendum-hint" className="muted">
        {t('meetingRecord.addendumHint')}
      </p>
      <textarea
        id="addendum-body"
        rows={4}
        value={body}
        aria-describedby="addendum-hint"
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setBody(e.target.value)}
      />
      <FormAlert message={problem ?? failure} />
      {add.isSuccess ? <p role="status">{t('meetingRecord.addendumAdded')}</p> : null}
      <button type="submit" className="button" disabled={add.isPending}>
        {add.isPending ? t('meetingRecord.adding') : t('meetingRecord.addAddendum')}
      </button>
    </form>
  );
}
