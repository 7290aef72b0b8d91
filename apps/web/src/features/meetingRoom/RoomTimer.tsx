import { useTranslation } from 'react-i18next';
import { countdown, elapsedMs, formatClock, serverNowMs } from './roomClock';
import { useNow } from './useNow';

/** Props of RoomTimer. */
export interface RoomTimerProps {
  /** When it started (server time). */
  startedAt: string;
  /** The planned length, or null to count up without a limit. */
  plannedMinutes: number | null;
  /** The server's clock less the local one. */
  offsetMs: number;
  /** What it times, for screen readers ("Time left on this item"). */
  label: string;
}

/**
 * A countdown against a planned length ("04:12 left"), an overrun said in words and marked
 * with a sign and a border, not only a colour ("+02:13 over"), or a plain count up. Not a live
 * region: a ticking clock would talk every second.
 */
export function RoomTimer({ startedAt, plannedMinutes, offsetMs, label }: RoomTimerProps) {
  const { t } = useTranslation();
  const now = serverNowMs(useNow(), offsetMs);
  if (plannedMinutes === null) {
    return (
      <p className="room-timer">
        <span className="room-timer__label">{label}: </span>
        <span role="timer">{formatClock(elapsedMs(startedAt, now))}</span>
      </p>
    );
  }
  const clock = countdown(startedAt, plannedMinutes, now);
  return (
    <p className={clock.overrun ? 'room-timer room-timer--over' : 'room-timer'}>
      <span className="room-timer__label">{label}: </span>
      <span role="timer">
        {clock.overrun
          ? t('meetingRoom.timer.over', { time: formatClock(clock.overMs) })
          : t('meetingRoom.timer.left', { time: formatClock(clock.remainingMs) })}
      </span>
      <span className="room-timer__planned">
        {' '}
        {t('meetingRoom.timer.planned', { count: plannedMinutes })}
      </span>
    </p>
  );
}
