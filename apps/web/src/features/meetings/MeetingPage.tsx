import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '@mesa/shared';
import './meetings.css';
import { Card } from '../../components/Card';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { isApiErrorStatus } from '../../lib/api';
import { cancelMeeting, meetingIcsUrl } from '../../lib/meetingsApi';
import { useTimeZone } from '../auth/useTimeZone';
import { localizedTitle } from '../portfolio/localizedTitle';
import { usePrograms } from '../portfolio/usePrograms';
import { ActionItemList } from './ActionItemList';
import { AgendaList, AgendaSection } from './MeetingAgenda';
import { MeetingPeople, RolesEditor } from './MeetingRoles';
import { MeetingRecordsSection } from './MeetingRecords';
import { MeetingStateBadge } from './MeetingStateBadge';
import { formatMeetingSpan, zoneLabel } from './meetingTime';
import { meetingKeys } from './queryKeys';
import { useLiveMeeting, useMeeting, useMeetingReview } from './useMeetings';

/** Props of MeetingPage: the sections other features provide, wired by the routes. */
export interface MeetingPageProps {
  /** The live room (the meeting's heart while live), shown right below the header. */
  renderRoom?: (meeting: Meeting) => ReactNode;
  /** The minutes, shown after the room. */
  renderMinutes?: (meeting: Meeting) => ReactNode;
}

function CancelMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string>();
  const cancel = useMutation({
    mutationFn: () => cancelMeeting(meeting.id),
    onSuccess: (saved) => {
      queryClient.setQueryData(meetingKeys.meeting(meeting.id), saved);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.lists });
      setConfirming(false);
    },
    onError: (error) => setProblem(errorText(error)),
  });
  if (!confirming)
    return (
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        {t('meetings.cancel.button')}
      </button>
    );
  return (
    <div className="meeting-cancel" role="group" aria-labelledby="meeting-cancel-q">
      <p id="meeting-cancel-q">{t('meetings.cancel.confirm')}</p>
      <FormAlert message={problem} />
      <button
        type="button"
        className="button button--danger"
        disabled={cancel.isPending}
        onClick={() => cancel.mutate()}
        autoFocus
      >
        {t('meetings.cancel.yes')}
      </button>{' '}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => setConfirming(false)}
      >
        {t('meetings.cancel.no')}
      </button>
    </div>
  );
}

function MeetingHeader({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const programs = usePrograms();
  const programLinks = meeting.programIds.map((id) => {
    const program = programs.data?.find((p) => p.id === id);
    return { id, label: program ? (program.code ?? localizedTitle(program, locale)) : id };
  });
  return (
    <header className="page-header meeting-header">
      <p className="meeting-header__kicker">
        <Link to="/meetings">{t('meetings.title')}</Link>
      </p>
      <h1>{meeting.title[locale]}</h1>
      <p className="meeting-header__when">
        <MeetingStateBadge state={meeting.state} />{' '}
        <time dateTime={meeting.startsAt}>
          {formatMeetingSpan(meeting.startsAt, meeting.endsAt, locale, zone)}
        </time>{' '}
        <span className="muted">
          {t('meetings.inYourZone', { zone: zoneLabel(meeting.startsAt, zone) })}
        </span>
      </p>
      <p className="meeting-header__meta">
        {programLinks.length > 0 ? (
          <span>
            {t('meetings.programsLabel')}{' '}
            {programLinks.map((p, i) => (
              <span key={p.id}>
                {i > 0 ? ', ' : ''}
                <Link to={`/programs/${p.id}`}>{p.label}</Link>
              </span>
            ))}
          </span>
        ) : (
          <span>{t('meetings.plenary')}</span>
        )}
        {meeting.location ? (
          <span>{t('meetings.location', { where: meeting.location })}</span>
        ) : null}
        {meeting.callUrl ? (
          <a href={meeting.callUrl} target="_blank" rel="noopener noreferrer">
            {t('meetings.joinCall')}
          </a>
        ) : null}
      </p>
      <div className="meeting-header__actions">
        <a className="button button--secondary" href={meetingIcsUrl(meeting.id)} download>
          {t('meetings.downloadIcs')}
        </a>
        {meeting.abilities.edit ? (
          <Link className="button button--secondary" to={`/meetings/${meeting.id}/edit`}>
            {t('meetings.edit')}
          </Link>
        ) : null}
        {meeting.abilities.cancel ? <CancelMeeting meeting={meeting} /> : null}
      </div>
    </header>
  );
}

function ReviewSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const review = useMeetingReview(meeting.id, true);
  return (
    <Card labelledBy="meeting-review">
      <h2 id="meeting-review">{t('meetings.review.title')}</h2>
      <p className="muted">{t('meetings.review.lead')}</p>
      {review.error ? (
        <ErrorState
          title={t('meetings.review.loadError')}
          error={review.error}
          onRetry={() => void review.refetch()}
        />
      ) : review.data ? (
        <ActionItemList items={review.data} label={t('meetings.review.title')} />
      ) : (
        <LoadingState label={t('meetings.review.loading')} />
      )}
    </Card>
  );
}

function MeetingBody({
  meeting,
  renderRoom,
  renderMinutes,
}: MeetingPageProps & { meeting: Meeting }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const highlight = params.get('actionItem');
  // A notification's link (?actionItem=<id>) brings that action item into view.
  useEffect(() => {
    if (!highlight) return;
    const timer = window.setInterval(() => {
      const element = document.getElementById(`action-item-${highlight}`);
      if (!element) return;
      window.clearInterval(timer);
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
    }, 100);
    const stop = window.setTimeout(() => window.clearInterval(timer), 10_000);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(stop);
    };
  }, [highlight]);
  const hasReview = meeting.agenda.some((item) => item.reviewsActionItems);
  return (
    <>
      <MeetingHeader meeting={meeting} />
      {meeting.state === 'cancelled' ? (
        <p className="meeting-cancelled" role="status">
          {t('meetings.cancelledNote')}
        </p>
      ) : null}
      {renderRoom ? <div className="meeting-room-slot">{renderRoom(meeting)}</div> : null}
      {renderMinutes ? <div className="meeting-minutes-slot">{renderMinutes(meeting)}</div> : null}
      <div className="meeting-columns">
        <Card labelledBy="meeting-agenda">
          <h2 id="meeting-agenda">{t('meetings.agenda.title')}</h2>
          {meeting.abilities.edit ? (
            <AgendaSection meeting={meeting} />
          ) : (
            <AgendaList meeting={meeting} />
          )}
        </Card>
        <Card labelledBy="meeting-people">
          <h2 id="meeting-people">{t('meetings.roles.title')}</h2>
          <MeetingPeople meeting={meeting} />
          {meeting.abilities.nameRoles ? (
            <details className="roles-details">
              <summary>{t('meetings.roles.editTitle')}</summary>
              <RolesEditor meeting={meeting} />
            </details>
          ) : null}
        </Card>
      </div>
      {hasReview ? <ReviewSection meeting={meeting} /> : null}
      <Card labelledBy="meeting-records">
        <h2 id="meeting-records">{t('meetings.records.title')}</h2>
        <MeetingRecordsSection meeting={meeting} highlight={highlight} />
      </Card>
    </>
  );
}

/**
 * `/meetings/:meetingId`: the meeting — when (in the reader's zone), where, who; the live room
 * and minutes sections other features provide; the agenda (the chair edits and reorders it);
 * roles; the review of open action items; decisions and action items.
 */
export function MeetingPage({ renderRoom, renderMinutes }: MeetingPageProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  useLiveMeeting(meetingId);
  useDocumentTitle(meeting.data ? meeting.data.title[locale] : t('meetings.title'));
  let body: ReactNode;
  if (meeting.error) {
    const missing = isApiErrorStatus(meeting.error, 404);
    const forbidden = isApiErrorStatus(meeting.error, 403);
    body = (
      <ErrorState
        level={1}
        title={
          missing
            ? t('meetings.notFound')
            : forbidden
              ? t('meetings.forbidden')
              : t('meetings.loadOneError')
        }
        error={meeting.error}
        onRetry={missing || forbidden ? undefined : () => void meeting.refetch()}
      />
    );
    if (missing || forbidden)
      body = (
        <>
          {body}
          <p>
            <Link to="/meetings">{t('meetings.backToList')}</Link>
          </p>
        </>
      );
  } else if (!meeting.data) {
    body = <LoadingState label={t('meetings.loadingOne')} />;
  } else {
    body = (
      <MeetingBody meeting={meeting.data} renderRoom={renderRoom} renderMinutes={renderMinutes} />
    );
  }
  return <div className="page meeting-page">{body}</div>;
}
