import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DenialReason, ThreadSubject } from '@mesa/shared';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { AccessReason } from '../../components/AccessReason';
import { Composer } from './Composer';
import { threadErrorText } from './threadErrorText';
import { ThreadsBrowser } from './ThreadsBrowser';
import { useOlderThreads, useThread, useThreadActions, useThreads } from './useThreads';
import { useThreadReader } from './useThreadReader';
import './threads.css';

/** Props of ThreadDiscussion. */
export interface ThreadDiscussionProps {
  /** What the threads are about (not a document passage: those start from a selection). */
  subject: ThreadSubject;
  /** Why the reader may not comment, when they may not (`abilities.denied.comment`). */
  denied?: DenialReason;
  /** The thread to show first (a notification's link names it). */
  initialThreadId?: string | null;
}

/** A subject's discussion: a new-thread field for those who may comment, and its threads. */
export function ThreadDiscussion({ subject, denied, initialThreadId }: ThreadDiscussionProps) {
  const { t } = useTranslation();
  const list = useThreads(subject);
  const actions = useThreadActions(subject);
  const older = useOlderThreads(subject);
  const reader = useThreadReader();
  const [selectedId, setSelectedId] = useState<string | null>(initialThreadId ?? null);
  // A link may name a thread on a page not loaded: fetch that one alone.
  const loaded = list.data?.threads.some((thread) => thread.id === selectedId) ?? true;
  const alone = useThread(selectedId, !loaded);
  if (list.error) {
    return (
      <ErrorState
        title={t('threads.loadError')}
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    );
  }
  if (!list.data) return <LoadingState label={t('threads.loading')} />;
  return (
    <div className="discussion">
      {list.data.canComment ? (
        <Composer
          subject={subject}
          label={t('threads.newThreadLabel')}
          submitLabel={t('threads.start')}
          busyLabel={actions.create.isPending ? t('threads.sending') : null}
          error={threadErrorText(actions.create.error, t)}
          onSubmit={(body) => actions.create.mutateAsync({ body })}
        />
      ) : (
        <p className="threads__notice">
          {t('threads.readOnly')} <AccessReason reason={denied} />
        </p>
      )}
      <ThreadsBrowser
        threads={list.data.threads}
        selectedId={selectedId}
        onSelect={setSelectedId}
        reader={reader}
        actions={actions}
        openCount={list.data.openCount}
        onShowOlder={list.data.nextCursor ? () => older.mutateAsync() : undefined}
        selectedAlone={alone.data}
      />
    </div>
  );
}
