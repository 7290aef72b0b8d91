import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary, Program } from '@mesa/shared';
import './meetings.css';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { useTimeZone } from '../auth/useTimeZone';
import { localizedTitle } from '../portfolio/localizedTitle';
import { usePrograms } from '../portfolio/usePrograms';
import { MeetingStateBadge } from './MeetingStateBadge';
import { formatMeetingSpan, zoneLabel } from './meetingTime';
import { useMeetings } from './useMeetings';

/** Whether a meeting belongs under "Upcoming": live, or scheduled and not yet over. */
export function isUpcoming(meeting: MeetingSummary, now: number): boolean {
  if (meeting.state === 'live') return true;
  if (meeting.state !== 'scheduled' && meeting.state !== 'cancelled') return false;
  return Date.parse(meeting.endsAt) > now;
}

function programNames(
  ids: readonly string[],
  programs: readonly Program[] | undefined,
  locale: 'en' | 'es',
) {
  return ids.map((id) => {
    const program = programs?.find((p) => p.id === id);
    return program ? (program.code ?? localizedTitle(program, locale)) : id;
  });
}

function MeetingItem({ meeting, programs }: { meeting: MeetingSummary; programs?: Program[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const names = programNames(meeting.programIds, programs, locale);
  return (
    <li className="meeting-item">
      <h3 className="meeting-item__title">
        <Link to={`/meetings/${meeting.id}`}>{meeting.title[locale]}</Link>
      </h3>
      <p className="meeting-item__when">
        <time dateTime={meeting.startsAt}>
          {formatMeetingSpan(meeting.startsAt, meeting.endsAt, locale, zone)}
        </time>{' '}
        <span className="muted">({zoneLabel(meeting.startsAt, zone)})</span>
      </p>
      <p className="meeting-item__meta">
        <MeetingStateBadge state={meeting.state} />
        <span>
          {names.length > 0
            ? t('meetings.programsList', { programs: names.join(', ') })
            : t('meetings.plenary')}
        </span>
        <span>{t('meetings.chairedBy', { name: meeting.chair.name })}</span>
        {meeting.location ? <span>{meeting.location}</span> : null}
      </p>
    </li>
  );
}

function MeetingGroup({
  id,
  title,
  meetings,
  empty,
  programs,
}: {
  id: string;
  title: string;
  meetings: MeetingSummary[];
  empty: string;
  programs?: Program[];
}) {
  return (
    <section aria-labelledby={id} className="meeting-group">
      <h2 id={id}>{title}</h2>
      {meetings.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="meeting-list">
          {meetings.map((meeting) => (
            <MeetingItem key={meeting.id} meeting={meeting} programs={programs} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/meetings`: upcoming and past meetings in the reader's time zone; "New meeting" for those who may. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const meetings = useMeetings();
  const programs = usePrograms();
  useDocumentTitle(t('meetings.title'));
  const [now] = useState(() => Date.now());
  let body;
  if (meetings.error) {
    body = (
      <ErrorState
        title={t('meetings.loadError')}
        error={meetings.error}
        onRetry={() => void meetings.refetch()}
      />
    );
  } else if (!meetings.data) {
    body = <LoadingState label={t('meetings.loading')} />;
  } else if (meetings.data.data.length === 0) {
    body = <EmptyState title={t('meetings.empty')} body={t('meetings.emptyBody')} />;
  } else {
    const all = meetings.data.data;
    const upcoming = all
      .filter((m) => isUpcoming(m, now))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const past = all
      .filter((m) => !isUpcoming(m, now))
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    body = (
      <>
        <MeetingGroup
          id="meetings-upcoming"
          title={t('meetings.upcoming')}
          meetings={upcoming}
          empty={t('meetings.noUpcoming')}
          programs={programs.data}
        />
        <MeetingGroup
          id="meetings-past"
          title={t('meetings.past')}
          meetings={past}
          empty={t('meetings.noPast')}
          programs={programs.data}
        />
      </>
    );
  }
  return (
    <div className="page meetings-page">
      <header className="page-header meetings-page__header">
        <div>
          <h1>{t('meetings.title')}</h1>
          <p className="page-header__lead">{t('meetings.intro')}</p>
        </div>
        {meetings.data?.canCreate ? (
          <Link className="button" to="/meetings/new">
            {t('meetings.new')}
          </Link>
        ) : null}
      </header>
      {body}
    </div>
  );
}
