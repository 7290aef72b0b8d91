import { useTranslation } from 'react-i18next';
import { isStopped, type CollabStatus } from '../../lib/collabPolicy';
import { statusText } from './statusText';

/** Props of SaveStatus. */
export interface SaveStatusProps {
  /** The plan session's status. */
  status: CollabStatus;
  /** Reconnects after an error; offered only where retrying can help. */
  onRetry?: () => void;
}

// Shapes differ per state so the status never relies on colour alone.
const icons: Record<CollabStatus['kind'], string> = {
  connecting: '↻',
  saved: '✓',
  saving: '↻',
  stalled: '⚠',
  offline: '⚠',
  reconnecting: '↻',
  'read-only': '◉',
  'access-lost': '⛔',
  'signed-out': '⚠',
  error: '⚠',
};

// Routine states keep their explanation in a tooltip; the others show what to do next.
const quiet: readonly CollabStatus['kind'][] = ['connecting', 'saved', 'saving', 'read-only'];

/** Whether the plan is saved, saving, offline…: an icon, a label and what to do next. */
export function SaveStatus({ status, onRetry }: SaveStatusProps) {
  const { t } = useTranslation();
  const text = statusText(status);
  const hint = text.hint ? t(text.hint) : undefined;
  const showHint = hint !== undefined && !quiet.includes(status.kind);
  const canRetry = onRetry !== undefined && status.kind === 'error' && isStopped(status);
  return (
    <div
      className={`save-status save-status--${status.kind}`}
      role="status"
      aria-live="polite"
      data-status={status.kind}
    >
      <span className="save-status__icon" aria-hidden="true">
        {icons[status.kind]}
      </span>
      <span className="save-status__text">
        <span className="save-status__label" title={showHint ? undefined : hint}>
          {t(text.label)}
        </span>
        {showHint ? <span className="save-status__hint">{hint}</span> : null}
      </span>
      {canRetry ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('plan.status.retry')}
        </button>
      ) : null}
    </div>
  );
}
