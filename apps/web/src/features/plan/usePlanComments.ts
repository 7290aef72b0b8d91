import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { planDocumentName, type ThreadSubject } from '@mesa/shared';
import { fetchThreadAnchors } from '../../lib/threadsApi';
import { threadKeys } from '../threads/threadCache';
import { useThreadActions, useThreads } from '../threads/useThreads';
import type { AnchorDraft, AnchorProblem, HighlightAnchor } from './threadAnchors';

/** URL parameters of the plan's comments panel: `?thread=<id>` opens one, `?comments` the list. */
export const CommentParams = { thread: 'thread', list: 'comments' } as const;

/**
 * The plan's comment threads and the panel's state: open or closed and which thread (both in
 * the address, so a notification's link opens them), the passage being commented on, and the
 * passages to highlight (open threads, and the thread shown even when resolved) — from the
 * anchors of every thread, whichever page of the list the panel shows.
 */
export function usePlanComments(programId: string) {
  return useDocumentComments(planDocumentName(programId));
}

/** The comment threads of any collaborative document (a plan, a meeting's minutes). */
export function useDocumentComments(documentName: string) {
  const subject = useMemo<ThreadSubject>(
    () => ({ kind: 'document', documentName }),
    [documentName],
  );
  const list = useThreads(subject);
  const anchorRefs = useQuery({
    queryKey: threadKeys.anchors(subject),
    queryFn: ({ signal }) => fetchThreadAnchors(documentName, signal),
  });
  const actions = useThreadActions(subject);
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<AnchorDraft | AnchorProblem | null>(null);
  const selectedId = params.get(CommentParams.thread);
  const open = selectedId !== null || params.has(CommentParams.list);
  const refs = anchorRefs.data;
  const anchors = useMemo<HighlightAnchor[]>(
    () =>
      (refs ?? []).flatMap((ref) =>
        ref.anchor.state === 'attached' && (ref.state === 'open' || ref.id === selectedId)
          ? [{ id: ref.id, start: ref.anchor.start, end: ref.anchor.end }]
          : [],
      ),
    [refs, selectedId],
  );
  const show = (id: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete(CommentParams.thread);
        next.delete(CommentParams.list);
        if (id) next.set(CommentParams.thread, id);
        else next.set(CommentParams.list, '');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  const close = () => {
    setDraft(null);
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete(CommentParams.thread);
        next.delete(CommentParams.list);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  return {
    subject,
    list,
    actions,
    open,
    selectedId,
    anchors,
    draft,
    setDraft,
    /** Opens a thread, or the list with null. */
    select: (id: string | null) => {
      setDraft(null);
      show(id);
    },
    /** Starts a thread on the selection (or says why it cannot). */
    startComment: (anchor: AnchorDraft | AnchorProblem) => {
      setDraft(anchor);
      show(null);
    },
    close,
  };
}

/** A document's comments and their panel. */
export type PlanComments = ReturnType<typeof useDocumentComments>;
