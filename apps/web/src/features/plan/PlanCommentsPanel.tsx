import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DenialReason } from '@mesa/shared';
import { AccessReason } from '../../components/AccessReason';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import type { CollabStatus } from '../../lib/collabPolicy';
import { ThreadsBrowser } from '../threads/ThreadsBrowser';
import { useThreadReader } from '../threads/useThreadReader';
import { useOlderThreads, useThread } from '../threads/useThreads';
import '../threads/threads.css';
import { NewAnchoredThread } from './NewAnchoredThread';
import type { PlanComments } from './usePlanComments';

/** Props of PlanCommentsPanel. */
export interface PlanCommentsPanelProps {
  /** The plan's comments. */
  comments: PlanComments;
  /** The plan session's status. */
  status: CollabStatus;
  /** Why the person may not comment, when they may not. */
  denied?: DenialReason;
  /** Closes the panel and puts focus back in the plan. */
  onClose: () => void;
}

/**
 * The plan's comments beside the text (a drawer over it on narrow screens): a new thread on
 * the selected passage, the threads behind the Open / Resolved / All filter, one thread.
 * Focus moves into the panel when it opens; Escape closes it.
 */
export function PlanCommentsPanel({ comments, status, denied, onClose }: PlanCommentsPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const reader = useThreadReader();
  const { list, draft } = comments;
  const older = useOlderThreads(comments.subject);
  // A link may name a thread on a page not loaded: fetch that one alone.
  const loaded = list.data?.threads.some((th) => th.id === comments.selectedId) ?? true;
  const alone = useThread(comments.selectedId, !loaded);
  useEffect(() => {
    // Into the panel, unless a field in it (the new comment) already took focus.
    if (!panel.current?.contains(document.activeElement)) heading.current?.focus();
  }, []);
  return (
    <section
      ref={panel}
      className="plan-comments"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="plan-comments__head">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {t('threads.panelTitle')}
        </h3>
        <button
          type="button"
          className="button button--secondary"
          aria-label={t('threads.close')}
          onClick={onClose}
        >
          {t('threads.closeShort')}
        </button>
      </div>
      {typeof draft === 'string' ? (
        <p className="threads__notice" role="status">
          {t(`threads.anchorProblem.${draft}`)}
        </p>
      ) : null}
      {draft && typeof draft !== 'string' ? (
        <NewAnchoredThread
          subject={comments.subject}
          anchor={draft}
          status={status}
          actions={comments.actions}
          onCreated={(id) => comments.select(id)}
          onCancel={() => comments.setDraft(null)}
        />
      ) : null}
      {list.data && !list.data.canComment ? (
        <p className="threads__notice">
          {t('threads.readOnly')} <AccessReason reason={denied} />
        </p>
      ) : null}
      {list.error ? (
        <ErrorState
          title={t('threads.loadError')}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : null}
      {!list.data && !list.error ? <LoadingState label={t('threads.loading')} /> : null}
      {list.data ? (
        <ThreadsBrowser
          threads={list.data.threads}
          selectedId={comments.selectedId}
          onSelect={comments.select}
          reader={reader}
          actions={comments.actions}
          openCount={list.data.openCount}
          onShowOlder={list.data.nextCursor ? () => older.mutateAsync() : undefined}
          selectedAlone={alone.data}
        />
      ) : null}
    </section>
  );
}
