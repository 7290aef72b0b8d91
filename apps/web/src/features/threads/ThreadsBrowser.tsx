import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Thread } from '@mesa/shared';
import type { ThreadFilterValue } from './ThreadFilter';
import { ThreadList } from './ThreadList';
import { ThreadView } from './ThreadView';
import type { ThreadActions } from './useThreads';
import type { ThreadReader } from './useThreadReader';

/** Props of ThreadsBrowser. */
export interface ThreadsBrowserProps {
  /** The subject's threads. */
  threads: readonly Thread[];
  /** The open thread's id, or null for the list. */
  selectedId: string | null;
  /** Opens a thread (or the list with null). */
  onSelect: (id: string | null) => void;
  /** Who reads. */
  reader: ThreadReader;
  /** The subject's actions. */
  actions: ThreadActions;
  /** Open threads on the subject, loaded or not. */
  openCount?: number;
  /** Loads the next older page (absent on the last page); resolves to how many came. */
  onShowOlder?: (() => Promise<number>) | undefined;
  /** The selected thread fetched alone, when it is not on the pages loaded. */
  selectedAlone?: Thread | undefined;
}

/**
 * The list of a subject's threads (Open by default) or one thread with the way back to the
 * list; the plan's comments panel, the program's discussion and later the priority board use it.
 */
export function ThreadsBrowser(props: ThreadsBrowserProps) {
  const { threads, selectedId, onSelect, reader, actions, openCount, onShowOlder } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const [filter, setFilter] = useState<ThreadFilterValue>('open');
  const selected =
    threads.find((thread) => thread.id === selectedId) ??
    (props.selectedAlone?.id === selectedId ? props.selectedAlone : undefined);
  if (selected) {
    return (
      <div className="threads-browser">
        <button type="button" className="threads-text-button" onClick={() => onSelect(null)}>
          ← {t('threads.backToList')}
        </button>
        <ThreadView thread={selected} reader={reader} actions={actions} headingId={headingId} />
      </div>
    );
  }
  return (
    <ThreadList
      threads={threads}
      filter={filter}
      onFilter={setFilter}
      activeId={selectedId}
      onSelect={onSelect}
      reader={reader}
      openCount={openCount}
      onShowOlder={onShowOlder}
    />
  );
}
