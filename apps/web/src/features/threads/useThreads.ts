import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnchorInput, ThreadSubject } from '@mesa/shared';
import {
  createThread,
  deleteComment,
  editComment,
  fetchThreads,
  replyToThread,
  setThreadState,
} from '../../lib/threadsApi';
import { threadKeys } from './threadCache';

/** A subject's threads, kept current by `thread.changed` (see useLiveCacheSync). */
export function useThreads(subject: ThreadSubject, enabled = true) {
  return useQuery({
    queryKey: threadKeys.list(subject),
    queryFn: ({ signal }) => fetchThreads(subject, signal),
    enabled,
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
