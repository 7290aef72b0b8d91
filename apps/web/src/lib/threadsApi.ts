import {
  MentionableReplySchema,
  ThreadListSchema,
  ThreadSchema,
  type AnchorInput,
  type PersonRef,
  type Thread,
  type ThreadSubject,
} from '@mesa/shared';
import type { z } from 'zod';
import { getJson, sendJson } from './api';

/** A subject's threads (all states), its open count and whether the reader may open one. */
export type ThreadList = z.infer<typeof ThreadListSchema>;

const segment = encodeURIComponent;

/** The subject's fields as query parameters, the way `GET /api/threads` reads them. */
export function subjectParams(subject: ThreadSubject): URLSearchParams {
  const params = new URLSearchParams({ kind: subject.kind });
  if (subject.kind === 'document') params.set('documentName', subject.documentName);
  if (subject.kind === 'program' || subject.kind === 'roundProgram') {
    params.set('programId', subject.programId);
  }
  if (subject.kind === 'roundProgram') params.set('roundId', subject.roundId);
  return params;
}

/** Every thread of a subject, newest first, with the open count (whatever the state). */
export function fetchThreads(subject: ThreadSubject, signal?: AbortSignal): Promise<ThreadList> {
  const params = subjectParams(subject);
  params.set('state', 'all');
  return getJson(`/api/threads?${params.toString()}`, ThreadListSchema, signal);
}

/** Opens a thread with its first comment (and its passage, on a document). */
export function createThread(input: {
  subject: ThreadSubject;
  anchor?: AnchorInput;
  body: string;
}): Promise<Thread> {
  return sendJson('POST', '/api/threads', input, ThreadSchema);
}

/** Replies to a thread (the list is refetched or updated live afterwards). */
export async function replyToThread(threadId: string, body: string): Promise<void> {
  await sendJson('POST', `/api/threads/${segment(threadId)}/comments`, { body });
}

/** Changes one's own comment's text. */
export async function editComment(commentId: string, body: string): Promise<void> {
  await sendJson('PATCH', `/api/comments/${segment(commentId)}`, { body });
}

/** Deletes a comment (its author, or an administrator); a placeholder stays in the thread. */
export async function deleteComment(commentId: string): Promise<void> {
  await sendJson('DELETE', `/api/comments/${segment(commentId)}`);
}

/** Resolves or reopens a thread. */
export async function setThreadState(threadId: string, action: 'resolve' | 'reopen') {
  await sendJson('POST', `/api/threads/${segment(threadId)}/${action}`);
}

/** Up to eight people who may read the subject and whose name matches `q` (2+ characters). */
export async function fetchMentionable(
  subject: ThreadSubject,
  q: string,
  signal?: AbortSignal,
): Promise<PersonRef[]> {
  const params = subjectParams(subject);
  params.set('q', q);
  const path = `/api/threads/mentionable?${params.toString()}`;
  return (await getJson(path, MentionableReplySchema, signal)).people;
}
