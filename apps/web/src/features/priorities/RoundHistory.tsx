import { useTranslation } from 'react-i18next';
import type { RoundReopening } from '@mesa/shared';

/**
 * Each earlier closing of a round with the reopening that undid it, oldest first: "Closed …
 * by …; reopened … by …". `when` formats a time in the reader's zone, named in the label.
 */
export function RoundHistory({
  reopenings,
  when,
  zone,
}: {
  reopenings: readonly RoundReopening[];
  when: (iso: string) => string;
  zone: string;
}) {
  const { t } = useTranslation();
  if (reopenings.length === 0) return null;
  const line = (r: RoundReopening) => {
    if (!r.closing) return t('priorities.reopenedBy', { name: r.by.name, time: when(r.at) });
    const common = { date: when(r.closing.at), time: when(r.at), name: r.by.name };
    if (!r.closing.by) return t('priorities.closings.closedOnTime', common);
    return t('priorities.closings.closedEarly', { ...common, author: r.closing.by.name });
  };
  return (
    <ol className="round-header__history" aria-label={t('priorities.closings.label', { zone })}>
      {reopenings.map((r) => (
        <li key={r.at} className="round-header__meta">
          {line(r)}
        </li>
      ))}
    </ol>
  );
}
