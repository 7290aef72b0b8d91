import type { QueryClient } from '@tanstack/react-query';
import type { Thread, ThreadChanged, ThreadSubject } from '@mesa/shared';
import type { ThreadList } from '../../lib/threadsApi';

/** TanStack Query keys of threads: one list per subject. */
export const threadKeys = {
  /** Every thread list. */
  all: ['threads'] as const,
  /** One subject's list. */
  list: (subject: ThreadSubject) => ['threads', subjectKey(subject)] as const,
};

/** A stable string for a subject (its kind and ids). */
export function subjectKey(subject: ThreadSubject): string {
  if (subject.kind === 'document') return `document:${subject.documentName}`;
  if (subject.kind === 'program') return `program:${subject.programId}`;
  return `roundProgram:${subject.roundId}:${subject.programId}`;
}

/** Changes after which the reader's abilities on the thread may differ: refetch the list. */
const ABILITY_CHANGES: readonly ThreadChanged['change'][] = ['created', 'resolved', 'reopened'];

/**
 * The list with a live change merged in: the thread replaced in place (keeping the reader's
 * abilities, which the event does not carry) or added first (newest first); the open count
 * follows the threads' states.
 */
export function mergeThreadChange(list: ThreadList, change: ThreadChanged): ThreadList {
  const existing = list.threads.find((t) => t.id === change.thread.id);
  const abilities = existing?.abilities ?? { reply: false, resolve: false };
  const thread: Thread = { ...change.thread, abilities };
  const threads = existing
    ? list.threads.map((t) => (t.id === thread.id ? thread : t))
    : [thread, ...list.threads];
  const openCount = threads.filter((t) => t.state === 'open').length;
  return { ...list, threads, openCount };
}

/** Merges a `thread.changed` event into the cached list of its subject, refetching if needed. */
export function applyThreadChange(queryClient: QueryClient, change: ThreadChanged): void {
  const key = threadKeys.list(change.thread.subject);
  const cached = queryClient.getQueryData<ThreadList>(key);
  if (!cached) return;
  queryClient.setQueryData<ThreadList>(key, mergeThreadChange(cached, change));
  if (ABILITY_CHANGES.includes(change.change))
    void queryClient.invalidateQueries({ queryKey: key });
}
