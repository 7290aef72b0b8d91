import { useTranslation } from 'react-i18next';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import type { LiveState } from '../../lib/socket';

/** Props of ConnectionIndicator. */
export interface ConnectionIndicatorProps {
  /** The live connection's state (not `idle`: nothing is shown then). */
  state: Exclude<LiveState, 'idle'>;
}

/**
 * The live connection's state in words ("Live", "Reconnecting…", "Offline"), with a dot whose
 * colour only repeats the text. A polite status region, so a drop is announced once.
 */
export function ConnectionIndicator({ state }: ConnectionIndicatorProps) {
  const { t } = useTranslation();
  return (
    <span className={`live-indicator live-indicator--${state}`} role="status">
      <span className="live-indicator__dot" aria-hidden="true" />
      <VisuallyHidden>{t('live.connectionLabel')}: </VisuallyHidden>
      {t(`live.connection.${state}`)}
    </span>
  );
}
