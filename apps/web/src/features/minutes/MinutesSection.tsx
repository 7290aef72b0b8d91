import { lazy, Suspense, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { isApiErrorStatus } from '../../lib/api';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { meetingRecordKeys, publishMeeting } from '../../lib/meetingRecordApi';
import { useMe } from '../auth/useMe';
import './minutes.css';

// The editor (Tiptap, Yjs) is its own chunk: the meeting page loads without it.
const MinutesPanel = lazy(() => import('./MinutesPanel'));

/** Refetches whatever the meeting pages cached about meetings (their keys start with "meeting"). */
function useRefetchMeeting() {
  const queryClient = useQueryClient();
  return () =>
    void queryClient.invalidateQueries({
      predicate: (query) => String(query.queryKey[0]).toLowerCase().startsWith('meeting'),
    });
}

/**
 * The minutes of a meeting on its page: before the start a note that they open then; once live
 * the live minutes (officers edit, everyone else follows read-only, comments during the meeting
 * and the amendment window, whose end is shown in the reader's zone); the Publish button for the
 * chair and admins once ended; after publishing a link to the record.
 */
export function MinutesSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const timeZone = me.data?.user.timeZone;
  const refetch = useRefetchMeeting();
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  const now = new Date().toISOString();
  return (
    <section className="minutes-section" aria-labelledby="minutes-heading" data-slot="minutes">
      <h2 id="minutes-heading">{t('minutes.heading')}</h2>
      {meeting.state === 'scheduled' ? <p className="muted">{t('minutes.notStarted')}</p> : null}
      {meeting.state === 'cancelled' ? <p className="muted">{t('minutes.cancelled')}</p> : null}
      {meeting.state === 'ended' && meeting.amendmentEndsAt ? (
        <p className="minutes-section__window">
          {meeting.amendmentEndsAt > now
            ? t('minutes.amendmentOpen', { time: when(meeting.amendmentEndsAt) })
            : t('minutes.amendmentClosed', { time: when(meeting.amendmentEndsAt) })}
        </p>
      ) : null}
      {meeting.state === 'published' && meeting.publishedAt ? (
        <p className="minutes-section__published">
          {t('minutes.published', { time: when(meeting.publishedAt) })}{' '}
          <Link to={`/meetings/${encodeURIComponent(meeting.id)}/record`}>
            {t('minutes.recordLink')}
          </Link>
        </p>
      ) : null}
      {meeting.abilities.publish ? (
        <PublishControl meeting={meeting} onPublished={refetch} />
      ) : null}
      {meeting.state === 'live' || meeting.state === 'ended' || meeting.state === 'published' ? (
        <Suspense fallback={<LoadingState label={t('minutes.loading')} />}>
          <MinutesPanel meeting={meeting} onAccessChanged={refetch} />
        </Suspense>
      ) : null}
    </section>
  );
}

/** "Publish the record", confirmed: the minutes and the records are frozen afterwards. */
function PublishControl({ meeting, onPublished }: { meeting: Meeting; onPublished: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation({
    mutationFn: () => publishMeeting(meeting.id),
    onSuccess: (record) => {
      queryClient.setQueryData(meetingRecordKeys.record(meeting.id), record);
      setConfirming(false);
      onPublished();
    },
  });
  const error = publish.error
    ? isApiErrorStatus(publish.error, 409)
      ? t('minutes.publishConflict')
      : t('minutes.publishError')
    : undefined;
  return (
    <div className="minutes-publish">
      {!confirming ? (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('minutes.publish')}
        </button>
      ) : (
        <div className="minutes-publish__confirm" role="alertdialog" aria-labelledby="publish-q">
          <p id="publish-q">{t('minutes.publishConfirm')}</p>
          <div className="minutes-publish__actions">
            <button
              type="button"
              className="button"
              disabled={publish.isPending}
              onClick={() => publish.mutate()}
            >
              {publish.isPending ? t('minutes.publishing') : t('minutes.publishYes')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(false)}
            >
              {t('minutes.publishCancel')}
            </button>
          </div>
        </div>
      )}
      <FormAlert message={error} />
    </div>
  );
}
