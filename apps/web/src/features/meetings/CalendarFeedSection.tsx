import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { createCalendarFeed, deleteCalendarFeed, fetchCalendarFeed } from '../../lib/meetingsApi';
import { useTimeZone } from '../auth/useTimeZone';
import { meetingKeys } from './queryKeys';

/**
 * The profile's calendar feed: create, rotate or remove the personal address calendar apps
 * subscribe to. The address is a secret shown once, right after it is made, with a copy button.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const errorText = useErrorText(zone);
  const queryClient = useQueryClient();
  const feed = useQuery({
    queryKey: meetingKeys.calendarFeed,
    queryFn: ({ signal }) => fetchCalendarFeed(signal),
  });
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string }>();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: (created) => {
      setUrl(created.url);
      setMessage(undefined);
      queryClient.setQueryData(meetingKeys.calendarFeed, { createdAt: created.createdAt });
      queueMicrotask(() => urlRef.current?.select());
    },
    onError: (error) => setMessage({ tone: 'error', text: errorText(error) }),
  });
  const remove = useMutation({
    mutationFn: deleteCalendarFeed,
    onSuccess: () => {
      setUrl(null);
      setConfirmRemove(false);
      setMessage({ tone: 'success', text: t('meetings.feed.removed') });
      queryClient.setQueryData(meetingKeys.calendarFeed, { createdAt: null });
    },
    onError: (error) => setMessage({ tone: 'error', text: errorText(error) }),
  });
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ tone: 'success', text: t('meetings.feed.copied') });
    } catch {
      urlRef.current?.select();
      setMessage({ tone: 'error', text: t('meetings.feed.copyFailed') });
    }
  };
  if (!feed.data && !feed.error) return <LoadingState label={t('meetings.feed.loading')} />;
  const createdAt = feed.data?.createdAt ?? null;
  return (
    <div className="calendar-feed">
      <FormAlert message={message?.text} tone={message?.tone} />
      {url ? (
        <div className="calendar-feed__url">
          <label htmlFor="calendar-feed-url">{t('meetings.feed.urlLabel')}</label>
          <div className="calendar-feed__row">
            <input
              id="calendar-feed-url"
              ref={urlRef}
              className="field__input"
              readOnly
              value={url}
              aria-describedby="calendar-feed-secret"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="button" onClick={() => void copy()}>
              {t('meetings.feed.copy')}
            </button>
          </div>
          <p id="calendar-feed-secret" className="calendar-feed__secret">
            {t('meetings.feed.secret')}
          </p>
        </div>
      ) : null}
      <p className="muted">
        {createdAt
          ? t('meetings.feed.since', { time: formatDateTime(createdAt, locale, zone) })
          : t('meetings.feed.noneYet')}
      </p>
      <div className="calendar-feed__actions">
        <button
          type="button"
          className={createdAt ? 'button button--secondary' : 'button'}
          disabled={create.isPending}
          onClick={() => create.mutate()}
        >
          {createdAt ? t('meetings.feed.rotate') : t('meetings.feed.create')}
        </button>
        {createdAt && !confirmRemove ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => setConfirmRemove(true)}
          >
            {t('meetings.feed.remove')}
          </button>
        ) : null}
      </div>
      {confirmRemove ? (
        <div
          role="group"
          aria-labelledby="calendar-feed-remove-q"
          className="calendar-feed__confirm"
        >
          <p id="calendar-feed-remove-q">{t('meetings.feed.removeConfirm')}</p>
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t('meetings.feed.removeYes')}
          </button>{' '}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirmRemove(false)}
          >
            {t('meetings.feed.removeNo')}
          </button>
        </div>
      ) : null}
      {createdAt ? <p className="muted">{t('meetings.feed.rotateHint')}</p> : null}
    </div>
  );
}
