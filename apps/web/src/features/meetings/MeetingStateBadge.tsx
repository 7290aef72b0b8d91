import { useTranslation } from 'react-i18next';
import type { MeetingState } from '@mesa/shared';

/** A meeting's state as a coloured label with its name (the colour is never the only cue). */
export function MeetingStateBadge({ state }: { state: MeetingState }) {
  const { t } = useTranslation();
  return (
    <span className={`meeting-state meeting-state--${state}`}>{t(`meetings.state.${state}`)}</span>
  );
}
