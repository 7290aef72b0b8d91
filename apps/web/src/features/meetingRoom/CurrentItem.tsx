import { useTranslation } from 'react-i18next';
import type { RoomState } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { RoomTimer } from './RoomTimer';
import { RoomCard } from './RoomCard';

/** Props of CurrentItem. */
export interface CurrentItemProps {
  state: RoomState;
  offsetMs: number;
}

/** The item on the table (n of N, title in the reader's language, kind) and its countdown. */
export function CurrentItem({ state, offsetMs }: CurrentItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const item = state.currentItem;
  return (
    <RoomCard id="room-item-heading" className="room-item" title={t('meetingRoom.item.heading')}>
      {/* Polite: a change of item is announced once, the timer below is not. */}
      <div aria-live="polite" aria-atomic="true">
        {item ? (
          <>
            <p className="room-item__position">
              {t('meetingRoom.item.position', { position: item.position + 1, total: item.of })}
              {' · '}
              <span className="room-item__kind">{t(`meetingRoom.item.kind.${item.kind}`)}</span>
            </p>
            <p className="room-item__title">{item.title[locale]}</p>
          </>
        ) : (
          <p>{t('meetingRoom.item.none')}</p>
        )}
      </div>
      {item && state.itemStartedAt ? (
        <RoomTimer
          startedAt={state.itemStartedAt}
          plannedMinutes={item.plannedMinutes}
          offsetMs={offsetMs}
          label={t('meetingRoom.timer.itemLabel')}
        />
      ) : null}
    </RoomCard>
  );
}
