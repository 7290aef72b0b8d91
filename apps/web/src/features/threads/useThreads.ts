import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { THREAD_PAGE_MAX, type AnchorInput, type ThreadSubject } from '@mesa/shared';
import {
  createThread,
  deleteComment,
  editComment,
  fetchOpenThreadCount,
  fetchThread,
  fetchThreads,
  replyToThread,
  setThreadState,
  type ThreadList,
} from '../../lib/threadsApi';
import { threadKeys } from './threadCache';

/**
 * A subject's threads: the first page, then as many older pages as the reader asked for
 * (`useOlderThreads`), kept current by `thread.changed` (see useLiveCacheSync). A refetch
 * loads again as many threads as were shown, so "show older" is not undone by a live change.
 */
export function useThreads(subject: ThreadSubject, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: threadKeys.list(subject),
    queryFn: async ({ signal }) => {
      const shown = queryClient.getQueryData<ThreadList>(threadKeys.list(subject))?.threads.length;
      let list = await fetchThreads(subject, {}, signal);
      while (shown !== undefined && list.threads.length < shown && list.nextCursor) {
        const next = await fetchThreads(
          subject,
          {
            cursor: list.nextCursor,
            limit: Math.min(THREAD_PAGE_MAX, shown - list.threads.length),
          },
          signal,
        );
        list = { ...next, threads: [...list.threads, ...next.threads] };
      }
      return list;
    },
    enabled,
  });
}

/** How many of a subject's threads are open, kept current by `thread.changed`. */
export function useOpenThreadCount(subject: ThreadSubject) {
  return useQuery({
    queryKey: threadKeys.openCount(subject),
    queryFn: ({ signal }) => fetchOpenThreadCount(subject, signal),
  });
}

/** Loads the page after the loaded ones into the subject's list; resolves to how many came. */
export function useOlderThreads(subject: ThreadSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const key = threadKeys.list(subject);
      const cursor = queryClient.getQueryData<ThreadList>(key)?.nextCursor;
      if (!cursor) return 0;
      const page = await fetchThreads(subject, { cursor });
      let added = 0;
      queryClient.setQueryData<ThreadList>(key, (list) => {
        if (!list) return list;
        const known = new Set(list.threads.map((t) => t.id));
        const fresh = page.threads.filter((t) => !known.has(t.id));
        added = fresh.length;
        return { ...page, threads: [...list.threads, ...fresh] };
      });
      return added;
    },
  });
}

/** One thread by id, for a link to a thread that is not on the pages loaded. */
export function useThread(threadId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: threadKeys.one(threadId ?? ''),
    queryFn: ({ signal }) => fetchThread(threadId!, signal),
    enabled: enabled && threadId !== null,
    retry: false,
  });
}

/** What can be done to a subject's threads; each success refetches its list. */
export function useThreadActions(subject: ThreadSubject) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: threadKeys.list(subject) });
  return {
    create: useMutation({
      mutationFn: (input: { body: string; anchor?: AnchorInput }) =>
        createThread({ subject, ...input }),
      onSuccess,
    }),
    reply: useMutation({
      mutationFn: (input: { threadId: string; body: string }) =>
        replyToThread(input.threadId, input.body),
      onSuccess,
    }),
    edit: useMutation({
      mutationFn: (input: { commentId: string; body: string }) =>
        editComment(input.commentId, input.body),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (commentId: string) => deleteComment(commentId),
      onSuccess,
    }),
    setState: useMutation({
      mutationFn: (input: { threadId: string; action: 'resolve' | 'reopen' }) =>
        setThreadState(input.threadId, input.action),
      onSuccess,
    }),
  };
}

/** The actions of a subject's threads. */
export type ThreadActions = ReturnType<typeof useThreadActions>;
