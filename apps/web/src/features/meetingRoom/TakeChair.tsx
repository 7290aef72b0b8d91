import { useTranslation } from 'react-i18next';
import type { RoomState } from '@mesa/shared';
import { RoomButton } from './RoomButton';
import type { MeetingRoom } from './useMeetingRoom';

/** Props of TakeChair. */
export interface TakeChairProps {
  state: RoomState;
  room: MeetingRoom;
}

/** Take over the chair; said prominently when the chair is not in the room, so nothing stalls. */
export function TakeChair({ state, room }: TakeChairProps) {
  const { t } = useTranslation();
  const chairAway = !state.present.some((person) => person.userId === state.chairId);
  return (
    <div className={chairAway ? 'room-takeover room-takeover--urgent' : 'room-takeover'}>
      {chairAway ? (
        <p className="room-takeover__why">{t('meetingRoom.takeChair.chairAway')}</p>
      ) : null}
      <RoomButton
        room={room}
        action={{ type: 'takeChair' }}
        variant={chairAway ? 'primary' : 'secondary'}
      >
        {t('meetingRoom.takeChair.button')}
      </RoomButton>
    </div>
  );
}
