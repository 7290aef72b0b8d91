import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoundReopening } from '@mesa/shared';

/** The page of an earlier closing's frozen board. */
export function closingBoardPath(roundId: string, reopeningId: string): string {
  return `/priorities/${encodeURIComponent(roundId)}/closings/${encodeURIComponent(reopeningId)}`;
}

/**
 * Each earlier closing of a round with the reopening that undid it, oldest first: "Closed …
 * by …; reopened … by …", linking to the board that closing froze (a reopening recorded
 * before closings were kept has none). `when` formats a time in the reader's zone, named in
 * the label.
 */
export function RoundHistory({
  roundId,
  reopenings,
  when,
  zone,
}: {
  roundId: string;
  reopenings: readonly RoundReopening[];
  when: (iso: string) => string;
  zone: string;
}) {
  const { t } = useTranslation();
  if (reopenings.length === 0) return null;
  const line = (r: RoundReopening) => {
    if (!r.closing) return t('priorities.reopenedBy', { name: r.by.name, time: when(r.at) });
    const common = { date: when(r.closing.at), time: when(r.at), name: r.by.name };
    const text = r.closing.by
      ? t('priorities.closings.closedEarly', { ...common, author: r.closing.by.name })
      : t('priorities.closings.closedOnTime', common);
    return <Link to={closingBoardPath(roundId, r.id)}>{text}</Link>;
  };
  return (
    <ol className="round-header__history" aria-label={t('priorities.closings.label', { zone })}>
      {reopenings.map((r) => (
        <li key={r.id} className="round-header__meta">
          {line(r)}
        </li>
      ))}
    </ol>
  );
}
