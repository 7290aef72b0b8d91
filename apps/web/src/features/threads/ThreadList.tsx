import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentionsAsText, type Thread } from '@mesa/shared';
import { filterThreads, ThreadFilter, type ThreadFilterValue } from './ThreadFilter';
import type { ThreadReader } from './useThreadReader';

/** Props of ThreadList. */
export interface ThreadListProps {
  /** Every thread of the subject, newest first. */
  threads: readonly Thread[];
  /** Which ones to show. */
  filter: ThreadFilterValue;
  /** A filter was chosen. */
  onFilter: (value: ThreadFilterValue) => void;
  /** The thread shown now. */
  activeId?: string | null;
  /** A thread was chosen. */
  onSelect: (id: string) => void;
  /** Who reads. */
  reader: ThreadReader;
  /** Open threads on the subject, loaded or not (the server's count). */
  openCount?: number;
  /** Loads the next older page; resolves to how many threads it added. Absent on the last page. */
  onShowOlder?: (() => Promise<number>) | undefined;
}

const EXCERPT = 140;

function excerpt(thread: Thread): string {
  const first = thread.comments[0]?.body;
  if (!first) return '';
  const text = mentionsAsText(first).replace(/\s+/g, ' ');
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}

/** A subject's threads as buttons (quote, first words, author, replies), behind a state filter. */
export function ThreadList(props: ThreadListProps) {
  const { threads, filter, onFilter, activeId, onSelect, reader, openCount, onShowOlder } = props;
  const { t } = useTranslation();
  const [older, setOlder] = useState({ busy: false, said: '' });
  const complete = onShowOlder === undefined;
  const counts = {
    open: openCount ?? threads.filter((th) => th.state === 'open').length,
    resolved: complete ? threads.filter((th) => th.state === 'resolved').length : null,
    all: complete ? threads.length : null,
  };
  const showOlder = () => {
    if (!onShowOlder || older.busy) return;
    setOlder({ busy: true, said: '' });
    onShowOlder().then(
      (count) => setOlder({ busy: false, said: t('threads.olderAdded', { count }) }),
      () => setOlder({ busy: false, said: t('threads.olderFailed') }),
    );
  };
  const shown = filterThreads(threads, filter);
  return (
    <div className="thread-list">
      <ThreadFilter value={filter} onChange={onFilter} counts={counts} />
      {shown.length === 0 ? (
        <p className="muted thread-list__empty">{t(`threads.empty.${filter}`)}</p>
      ) : (
        <ul className="thread-list__items">
          {shown.map((thread) => (
            <li key={thread.id}>
              <button
                type="button"
                className="thread-item"
                aria-current={thread.id === activeId ? 'true' : undefined}
                data-thread-id={thread.id}
                onClick={() => onSelect(thread.id)}
              >
                {thread.anchor ? (
                  <span className="thread-item__quote">{thread.anchor.quote}</span>
                ) : null}
                <span className="thread-item__text">{excerpt(thread)}</span>
                <span className="thread-item__meta">
                  {thread.author.name} · {reader.time(thread.createdAt)} ·{' '}
                  {t('threads.replies', { count: Math.max(0, thread.comments.length - 1) })}
                  {thread.state === 'resolved' ? ` · ${t('threads.resolvedShort')}` : ''}
                  {thread.anchor?.state === 'removed' ? ` · ${t('threads.removedShort')}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {onShowOlder ? (
        <button
          type="button"
          className="threads-text-button thread-list__older"
          aria-disabled={older.busy || undefined}
          onClick={showOlder}
        >
          {older.busy ? t('threads.loadingOlder') : t('threads.showOlder')}
        </button>
      ) : null}
      <p className="thread-list__said muted" role="status">
        {older.said}
      </p>
    </div>
  );
}
