import { useTranslation } from 'react-i18next';
import { useLiveState } from '../live/useLiveState';

/**
 * The room's connection in words: "Online" only while the socket is connected and the room
 * joined; otherwise what is really happening ("Reconnecting…"). A polite status region.
 */
export function RoomConnection({ joined }: { joined: boolean }) {
  const { t } = useTranslation();
  const state = useLiveState();
  let key: 'online' | 'joining' | 'reconnecting' | 'offline' | 'signedOut';
  if (state === 'live') key = joined ? 'online' : 'joining';
  else if (state === 'offline') key = 'offline';
  else if (state === 'signedOut') key = 'signedOut';
  else if (state === 'connecting' || state === 'idle') key = 'joining';
  else key = 'reconnecting';
  return (
    <p className={`room-connection room-connection--${key}`} role="status">
      <span className="room-connection__dot" aria-hidden="true" />
      {t(`meetingRoom.connection.${key}`)}
    </p>
  );
}
