import { useTranslation } from 'react-i18next';
import type { RoomState } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { RoomButton } from './RoomButton';
import { RoomTimer } from './RoomTimer';
import type { MeetingRoom } from './useMeetingRoom';
import { RoomCard } from './RoomCard';

/** Props of SpeakerCard. */
export interface SpeakerCardProps {
  state: RoomState;
  room: MeetingRoom;
  /** Whether the reader chairs (may end the turn). */
  chair: boolean;
}

/** Who has the floor, for which delegation, and their time (against `speakerMinutes` if set). */
export function SpeakerCard({ state, room, chair }: SpeakerCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const speaker = state.speaker;
  return (
    <RoomCard
      id="room-speaker-heading"
      className="room-speaker"
      title={t('meetingRoom.speaker.heading')}
    >
      {/* Polite: "Ana (Guatemala) has the floor" is announced when the floor changes. */}
      <p aria-live="polite" aria-atomic="true" className="room-speaker__who">
        {speaker
          ? t('meetingRoom.speaker.current', {
              name: speaker.name,
              organization: speaker.organizationName[locale],
            })
          : t('meetingRoom.speaker.none')}
        {speaker?.kind === 'point_of_order' ? (
          <span className="room-tag room-tag--order"> {t('meetingRoom.queue.pointOfOrder')}</span>
        ) : null}
      </p>
      {speaker ? (
        <RoomTimer
          startedAt={speaker.startedAt}
          plannedMinutes={state.speakerMinutes}
          offsetMs={room.offsetMs}
          label={t('meetingRoom.timer.speakerLabel')}
        />
      ) : null}
      {speaker && chair ? (
        <RoomButton room={room} action={{ type: 'endFloor' }} variant="secondary">
          {t('meetingRoom.speaker.endTurn')}
        </RoomButton>
      ) : null}
    </RoomCard>
  );
}
