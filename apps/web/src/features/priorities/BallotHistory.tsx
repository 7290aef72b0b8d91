import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { useTimeZone } from '../auth/useTimeZone';
import { useBallotRevisions } from './usePriorities';

/** The delegation's ballot history behind a disclosure: who saved which order, when. */
export function BallotHistory({
  roundId,
  label,
}: {
  roundId: string;
  label: (id: string) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const [open, setOpen] = useState(false);
  const revisions = useBallotRevisions(roundId, open);
  return (
    <details className="ballot-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('priorities.history.title')}</summary>
      {revisions.data?.length === 0 ? <p>{t('priorities.history.empty')}</p> : null}
      <ol reversed className="ballot-history__list">
        {(revisions.data ?? []).map((r) => (
          <li key={r.revision}>
            {t('priorities.history.entry', {
              name: r.by.name,
              time: formatDateTime(r.at, locale, zone),
            })}
            {': '}
            {r.entries.map((e) => label(e.programId)).join(' › ') || t('priorities.history.none')}
          </li>
        ))}
      </ol>
    </details>
  );
}
