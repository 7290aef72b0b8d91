import { useTranslation } from 'react-i18next';
import type { Meeting, RoomState } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime, formatTime } from '../../lib/intl';
import { useTimeZone } from '../auth/useTimeZone';

/** Props of RoomSummary. */
export interface RoomSummaryProps {
  meeting: Meeting;
  state: RoomState;
}

/** After the end: when it ended and until when the minutes take amendments (the record is the minutes'). */
export function RoomSummary({ meeting, state }: RoomSummaryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const ended = meeting.endedAt ? formatTime(new Date(meeting.endedAt), locale, zone) : null;
  const until = meeting.amendmentEndsAt
    ? formatDateTime(meeting.amendmentEndsAt, locale, zone)
    : null;
  const marked = state.delegations.filter((d) => d.mark !== null).length;
  return (
    <div className="room-summary">
      <p>
        {ended ? t('meetingRoom.summary.endedAt', { time: ended }) : t('meetingRoom.summary.ended')}
      </p>
      {state.state === 'published' ? <p>{t('meetingRoom.summary.published')}</p> : null}
      {state.state === 'ended' && until ? (
        <p>{t('meetingRoom.summary.amendmentsUntil', { time: until })}</p>
      ) : null}
      {marked > 0 ? (
        <p>
          {t('meetingRoom.summary.delegationsPresent', {
            count: state.delegations.filter((d) => d.mark === 'present').length,
            total: state.delegations.length,
          })}
        </p>
      ) : null}
    </div>
  );
}
