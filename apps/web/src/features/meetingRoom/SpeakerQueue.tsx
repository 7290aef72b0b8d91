import { useLayoutEffect, useRef, useState } from 'react';
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

/** A moved entry whose button gets the focus back once the list shows it at its new place. */
interface PendingFocus {
  entryId: string;
  direction: 'up' | 'down';
  position: number;
}

// The button that moved the entry, or the other one when it reached an end of the list.
function moveButton({ entryId, direction }: PendingFocus): HTMLElement | null {
  const other = direction === 'up' ? 'down' : 'up';
  return (
    document.querySelector<HTMLElement>(`#room-move-${direction}-${entryId} button`) ??
    document.querySelector<HTMLElement>(`#room-move-${other}-${entryId} button`)
  );
}

/**
 * The list of speakers in the order the floor will be given (the server's order: points of
 * order first), with the chair's actions per entry and the way to close or reopen the list.
 */
export function SpeakerQueue({ state, room, chair, myId }: SpeakerQueueProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  // Moving a row in the DOM takes the focus from its button. The move's reply and the state
  // that reorders the list may come in either order, so the focus is put back once the list
  // shows the entry at its new place (after that render), not at a guessed moment.
  const pendingFocus = useRef<PendingFocus | null>(null);
  // The list as last rendered (a move's reply may call back through an older render's props).
  const shownQueue = useRef(state.queue);
  useLayoutEffect(() => {
    shownQueue.current = state.queue;
    const pending = pendingFocus.current;
    if (!pending) return;
    if (state.queue.findIndex((e) => e.id === pending.entryId) !== pending.position) return;
    pendingFocus.current = null;
    moveButton(pending)?.focus();
  });
  const onMoved = (entry: QueueEntry, position: number, direction: 'up' | 'down') => {
    setAnnouncement(
      t('meetingRoom.queue.moved', {
        name: entry.name,
        position: position + 1,
        total: state.queue.length,
      }),
    );
    pendingFocus.current = { entryId: entry.id, direction, position };
    // The list may already show the move (its state came first): then focus now.
    if (shownQueue.current.findIndex((e) => e.id === entry.id) === position) {
      pendingFocus.current = null;
      requestAnimationFrame(() => moveButton({ entryId: entry.id, direction, position })?.focus());
    }
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
