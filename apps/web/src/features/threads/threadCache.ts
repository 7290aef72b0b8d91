import type { QueryClient } from '@tanstack/react-query';
import type { Thread, ThreadAnchorRef, ThreadChanged, ThreadSubject } from '@mesa/shared';
import type { ThreadList } from '../../lib/threadsApi';

/** TanStack Query keys of threads: one list per subject, its anchors, single threads. */
export const threadKeys = {
  /** Every thread query. */
  all: ['threads'] as const,
  /** One subject's list (the pages loaded, as one list). */
  list: (subject: ThreadSubject) => ['threads', subjectKey(subject)] as const,
  /** One document's anchors (every thread's, for the highlights). */
  anchors: (subject: ThreadSubject) => ['threads', subjectKey(subject), 'anchors'] as const,
  /** One thread, fetched alone when it is not on the pages loaded. */
  one: (threadId: string) => ['threads', 'one', threadId] as const,
  /** How many of a subject's threads are open (without loading them). */
  openCount: (subject: ThreadSubject) => ['threads', subjectKey(subject), 'openCount'] as const,
};

/** A stable string for a subject (its kind and ids). */
export function subjectKey(subject: ThreadSubject): string {
  if (subject.kind === 'document') return `document:${subject.documentName}`;
  if (subject.kind === 'program') return `program:${subject.programId}`;
  return `roundProgram:${subject.roundId}:${subject.programId}`;
}

/**
 * Changes after which the reader's abilities on the thread may differ (refetch the list), and
 * the only ones that change how many threads are open.
 */
const ABILITY_CHANGES: readonly ThreadChanged['change'][] = ['created', 'resolved', 'reopened'];

/**
 * The list with a live change merged in: the thread replaced in place (keeping the reader's
 * abilities, which the event does not carry) or, when new, added first (newest first); the
 * open count follows the change. Null when the change is about a thread on a page not loaded
 * (the list cannot tell how it changed the count: refetch).
 */
export function mergeThreadChange(list: ThreadList, change: ThreadChanged): ThreadList | null {
  const existing = list.threads.find((t) => t.id === change.thread.id);
  if (!existing && change.change !== 'created') return null;
  const abilities = existing?.abilities ?? { reply: false, resolve: false };
  const thread: Thread = { ...change.thread, abilities };
  const threads = existing
    ? list.threads.map((t) => (t.id === thread.id ? thread : t))
    : [thread, ...list.threads];
  const open = (t: Thread | undefined) => (t?.state === 'open' ? 1 : 0);
  const openCount = Math.max(0, list.openCount + open(thread) - open(existing));
  return { ...list, threads, openCount };
}

/** The anchors with a live change merged in (the thread's entry replaced, or added first). */
export function mergeAnchorChange(
  anchors: readonly ThreadAnchorRef[],
  change: ThreadChanged,
): ThreadAnchorRef[] {
  const { id, state, anchor } = change.thread;
  if (!anchor) return [...anchors];
  const ref: ThreadAnchorRef = { id, state, anchor };
  return anchors.some((a) => a.id === id)
    ? anchors.map((a) => (a.id === id ? ref : a))
    : [ref, ...anchors];
}

/** Merges a `thread.changed` event into the cached list and anchors of its subject. */
export function applyThreadChange(queryClient: QueryClient, change: ThreadChanged): void {
  const key = threadKeys.list(change.thread.subject);
  const anchors = queryClient.getQueryData<ThreadAnchorRef[]>(
    threadKeys.anchors(change.thread.subject),
  );
  if (anchors)
    queryClient.setQueryData(
      threadKeys.anchors(change.thread.subject),
      mergeAnchorChange(anchors, change),
    );
  const one = queryClient.getQueryData<Thread>(threadKeys.one(change.thread.id));
  if (one)
    queryClient.setQueryData<Thread>(threadKeys.one(change.thread.id), {
      ...change.thread,
      abilities: one.abilities,
    });
  if (ABILITY_CHANGES.includes(change.change))
    void queryClient.invalidateQueries({
      queryKey: threadKeys.openCount(change.thread.subject),
      exact: true,
    });
  const cached = queryClient.getQueryData<ThreadList>(key);
  if (!cached) return;
  const merged = mergeThreadChange(cached, change);
  if (merged) queryClient.setQueryData<ThreadList>(key, merged);
  if (!merged || ABILITY_CHANGES.includes(change.change))
    void queryClient.invalidateQueries({ queryKey: key, exact: true });
}
