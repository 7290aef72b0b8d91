import { useTranslation } from 'react-i18next';

/** Which threads a list shows. */
export type ThreadFilterValue = 'open' | 'resolved' | 'all';

const VALUES: readonly ThreadFilterValue[] = ['open', 'resolved', 'all'];

/** Props of ThreadFilter. */
export interface ThreadFilterProps {
  /** The filter now. */
  value: ThreadFilterValue;
  /** A filter was chosen. */
  onChange: (value: ThreadFilterValue) => void;
  /** How many threads each filter shows; null when older pages are not loaded yet. */
  counts: Record<ThreadFilterValue, number | null>;
}

/** Open / Resolved / All, as toggle buttons in a labelled group. */
export function ThreadFilter({ value, onChange, counts }: ThreadFilterProps) {
  const { t } = useTranslation();
  return (
    <div className="thread-filter" role="group" aria-label={t('threads.filter.label')}>
      {VALUES.map((v) => (
        <button
          key={v}
          type="button"
          className="thread-filter__button"
          aria-pressed={v === value}
          onClick={() => onChange(v)}
        >
          {counts[v] === null
            ? t(`threads.filter.${v}Plain`)
            : t(`threads.filter.${v}`, { count: counts[v] })}
        </button>
      ))}
    </div>
  );
}

/** The threads a filter shows. */
export function filterThreads<T extends { state: 'open' | 'resolved' }>(
  threads: readonly T[],
  filter: ThreadFilterValue,
): T[] {
  return filter === 'all' ? [...threads] : threads.filter((t) => t.state === filter);
}
