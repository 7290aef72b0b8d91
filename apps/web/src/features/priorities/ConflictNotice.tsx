import { useTranslation } from 'react-i18next';
import type { Ballot } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { useTimeZone } from '../auth/useTimeZone';

/** Props of ConflictNotice. */
export interface ConflictNoticeProps {
  /** The ballot as another member saved it. */
  current: Ballot;
  label: (programId: string) => string;
  /** Drop the person's edits and take the stored ballot. */
  onUseTheirs: () => void;
  /** Save the person's draft over the stored ballot, knowingly. */
  onReapply: () => void;
}

/** Shown when a save was refused as stale: the other member's version and the two ways forward. */
export function ConflictNotice({ current, label, onUseTheirs, onReapply }: ConflictNoticeProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  return (
    <div className="conflict" role="alert">
      <p>
        {t('priorities.conflict.body', {
          name: current.updatedBy?.name ?? '',
          time: current.updatedAt ? formatDateTime(current.updatedAt, locale, zone) : '',
        })}
      </p>
      <ol className="conflict__list">
        {current.entries.map((e) => (
          <li key={e.programId}>{label(e.programId)}</li>
        ))}
      </ol>
      <p className="conflict__actions">
        <button type="button" className="button" onClick={onReapply}>
          {t('priorities.conflict.reapply')}
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={onUseTheirs}>
          {t('priorities.conflict.useTheirs')}
        </button>
      </p>
    </div>
  );
}
