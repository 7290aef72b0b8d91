import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, RoomState } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { RoomButton } from './RoomButton';
import type { MeetingRoom } from './useMeetingRoom';
import { RoomCard } from './RoomCard';

/** Props of ChairControls. */
export interface ChairControlsProps {
  meeting: Meeting;
  state: RoomState;
  room: MeetingRoom;
}

/** The chair's agenda controls: previous, next, jump to an item, restart the timer, end. */
export function ChairControls({ meeting, state, room }: ChairControlsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const selectId = useId();
  const item = state.currentItem;
  const [choice, setChoice] = useState<string | null>(null);
  // Until the chair picks one, the list shows the item on the table.
  const target = choice ?? item?.id ?? meeting.agenda[0]?.id ?? '';
  const [confirming, setConfirming] = useState(false);
  const first = item?.position === 0;
  const last = item ? item.position + 1 >= item.of : false;
  return (
    <RoomCard id="room-chair-heading" className="room-chair" title={t('meetingRoom.chair.heading')}>
      <div className="room-actions">
        {item && !first ? (
          <RoomButton room={room} action={{ type: 'previous' }} variant="secondary">
            {t('meetingRoom.chair.previous')}
          </RoomButton>
        ) : null}
        {item && !last ? (
          <RoomButton room={room} action={{ type: 'next' }}>
            {t('meetingRoom.chair.next')}
          </RoomButton>
        ) : null}
        {item ? (
          <RoomButton room={room} action={{ type: 'restartTimer' }} variant="secondary">
            {t('meetingRoom.chair.restartTimer')}
          </RoomButton>
        ) : null}
      </div>
      {meeting.agenda.length > 1 ? (
        <div className="room-jump">
          <label htmlFor={selectId}>{t('meetingRoom.chair.jumpLabel')}</label>
          <select id={selectId} value={target} onChange={(e) => setChoice(e.target.value)}>
            {meeting.agenda.map((agendaItem) => (
              <option key={agendaItem.id} value={agendaItem.id}>
                {`${agendaItem.position + 1}. ${agendaItem.title[locale]}`}
              </option>
            ))}
          </select>
          <RoomButton room={room} action={{ type: 'jump', itemId: target }} variant="secondary">
            {t('meetingRoom.chair.jump')}
          </RoomButton>
        </div>
      ) : null}
      <div className="room-end">
        {confirming ? (
          <div role="group" aria-labelledby="room-end-question" className="room-end__confirm">
            <p id="room-end-question">{t('meetingRoom.chair.endQuestion')}</p>
            <RoomButton room={room} action={{ type: 'end' }} variant="danger">
              {t('meetingRoom.chair.endConfirm')}
            </RoomButton>{' '}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(false)}
            >
              {t('meetingRoom.chair.endCancel')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="button button--danger"
            onClick={() => setConfirming(true)}
          >
            {t('meetingRoom.chair.end')}
          </button>
        )}
      </div>
    </RoomCard>
  );
}
