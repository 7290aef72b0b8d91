import { useTranslation } from 'react-i18next';
import type { RoomState } from '@mesa/shared';
import { RoomButton } from './RoomButton';
import type { MeetingRoom } from './useMeetingRoom';
import { RoomCard } from './RoomCard';

/** Props of FloorActions. */
export interface FloorActionsProps {
  state: RoomState;
  room: MeetingRoom;
  myId: string | null;
}

/** A participant's own requests: ask for the floor, raise a point of order, withdraw. */
export function FloorActions({ state, room, myId }: FloorActionsProps) {
  const { t } = useTranslation();
  const place = state.queue.findIndex((entry) => entry.userId === myId);
  const speaking = state.speaker !== null && state.speaker.userId === myId;
  return (
    <RoomCard id="room-floor-heading" className="room-floor" title={t('meetingRoom.floor.heading')}>
      {speaking ? <p>{t('meetingRoom.floor.speaking')}</p> : null}
      {place >= 0 ? (
        <>
          <p>{t('meetingRoom.floor.waiting', { position: place + 1 })}</p>
          <RoomButton room={room} action={{ type: 'withdraw' }} variant="secondary">
            {t('meetingRoom.floor.withdraw')}
          </RoomButton>
        </>
      ) : null}
      {place < 0 && !speaking ? (
        <div className="room-actions">
          {state.queueClosed ? (
            <p>{t('meetingRoom.floor.closed')}</p>
          ) : (
            <RoomButton room={room} action={{ type: 'requestFloor', kind: 'ordinary' }}>
              {t('meetingRoom.floor.ask')}
            </RoomButton>
          )}
          <RoomButton
            room={room}
            variant="secondary"
            action={{ type: 'requestFloor', kind: 'point_of_order' }}
          >
            {t('meetingRoom.floor.pointOfOrder')}
          </RoomButton>
        </div>
      ) : null}
    </RoomCard>
  );
}
