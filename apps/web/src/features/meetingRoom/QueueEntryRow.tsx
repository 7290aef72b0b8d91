import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { RoomButton } from './RoomButton';
import type { MeetingRoom } from './useMeetingRoom';

/** Props of QueueEntryRow. */
export interface QueueEntryRowProps {
  entry: QueueEntry;
  /** 0-based place in the queue. */
  index: number;
  size: number;
  room: MeetingRoom;
  chair: boolean;
  mine: boolean;
  /** After a move applied: announce it and keep focus on the moved entry. */
  onMoved: (entry: QueueEntry, position: number, direction: 'up' | 'down') => void;
}

/** One waiting request: who, for which delegation, its kind; the chair's actions on it. */
export function QueueEntryRow({
  entry,
  index,
  size,
  room,
  chair,
  mine,
  onMoved,
}: QueueEntryRowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const who = { name: entry.name };
  return (
    <li className="room-queue__entry" data-entry-id={entry.id}>
      <span className="room-queue__who">
        <span className="room-queue__name">{entry.name}</span>
        {mine ? <span className="room-queue__you"> {t('meetingRoom.queue.you')}</span> : null}
        <span className="room-queue__delegation"> · {entry.organizationName[locale]}</span>
        {entry.kind === 'point_of_order' ? (
          <span className="room-tag room-tag--order">{t('meetingRoom.queue.pointOfOrder')}</span>
        ) : null}
      </span>
      {chair ? (
        <span className="room-queue__actions">
          <RoomButton
            room={room}
            small
            action={{ type: 'giveFloor', entryId: entry.id }}
            label={t('meetingRoom.queue.giveFloorTo', who)}
          >
            {t('meetingRoom.queue.giveFloor')}
          </RoomButton>
          {index > 0 ? (
            <span id={`room-move-up-${entry.id}`} className="room-queue__move">
              <RoomButton
                room={room}
                small
                variant="secondary"
                action={{ type: 'moveEntry', entryId: entry.id, position: index - 1 }}
                label={t('meetingRoom.queue.moveUpLabel', who)}
                onDone={() => onMoved(entry, index - 1, 'up')}
              >
                {t('meetingRoom.queue.moveUp')}
              </RoomButton>
            </span>
          ) : null}
          {index < size - 1 ? (
            <span id={`room-move-down-${entry.id}`} className="room-queue__move">
              <RoomButton
                room={room}
                small
                variant="secondary"
                action={{ type: 'moveEntry', entryId: entry.id, position: index + 1 }}
                label={t('meetingRoom.queue.moveDownLabel', who)}
                onDone={() => onMoved(entry, index + 1, 'down')}
              >
                {t('meetingRoom.queue.moveDown')}
              </RoomButton>
            </span>
          ) : null}
          <RoomButton
            room={room}
            small
            variant="danger"
            action={{ type: 'removeEntry', entryId: entry.id }}
            label={t('meetingRoom.queue.removeLabel', who)}
          >
            {t('meetingRoom.queue.remove')}
          </RoomButton>
        </span>
      ) : null}
    </li>
  );
}
