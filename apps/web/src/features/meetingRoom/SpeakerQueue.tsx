import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry, RoomState } from '@mesa/shared';
import { RoomButton } from './RoomButton';
import { QueueEntryRow } from './QueueEntryRow';
import type { MeetingRoom } from './useMeetingRoom';
import { RoomCard } from './RoomCard';

/** Props of SpeakerQueue. */
export interface SpeakerQueueProps {
  state: RoomState;
  room: MeetingRoom;
  chair: boolean;
  myId: string | null;
}

// After a move the row is re-rendered elsewhere: put focus back on the button that moved it,
// or on the other one when it reached an end of the list.
function refocus(entryId: string, direction: 'up' | 'down') {
  requestAnimationFrame(() => {
    const other = direction === 'up' ? 'down' : 'up';
    const target =
      document.querySelector<HTMLElement>(`#room-move-${direction}-${entryId} button`) ??
      document.querySelector<HTMLElement>(`#room-move-${other}-${entryId} button`);
    target?.focus();
  });
}

/**
 * The list of speakers in the order the floor will be given (the server's order: points of
 * order first), with the chair's actions per entry and the way to close or reopen the list.
 */
export function SpeakerQueue({ state, room, chair, myId }: SpeakerQueueProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const onMoved = (entry: QueueEntry, position: number, direction: 'up' | 'down') => {
    setAnnouncement(
      t('meetingRoom.queue.moved', {
        name: entry.name,
        position: position + 1,
        total: state.queue.length,
      }),
    );
    refocus(entry.id, direction);
  };
  return (
    <RoomCard id="room-queue-heading" className="room-queue" title={t('meetingRoom.queue.heading')}>
      <p className="room-queue__status">
        {state.queueClosed ? t('meetingRoom.queue.closed') : t('meetingRoom.queue.open')}
        {state.oneSpeakerPerDelegation ? ` ${t('meetingRoom.queue.onePerDelegation')}` : ''}
      </p>
      {state.queue.length === 0 ? (
        <p>{t('meetingRoom.queue.empty')}</p>
      ) : (
        <ol className="room-queue__list" aria-labelledby="room-queue-heading">
          {state.queue.map((entry, index) => (
            <QueueEntryRow
              key={entry.id}
              entry={entry}
              index={index}
              size={state.queue.length}
              room={room}
              chair={chair}
              mine={entry.userId === myId}
              onMoved={onMoved}
            />
          ))}
        </ol>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {chair ? (
        <RoomButton
          room={room}
          variant="secondary"
          action={{ type: 'closeQueue', closed: !state.queueClosed }}
        >
          {state.queueClosed ? t('meetingRoom.queue.reopen') : t('meetingRoom.queue.close')}
        </RoomButton>
      ) : null}
    </RoomCard>
  );
}
