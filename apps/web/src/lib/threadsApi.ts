import {
  MentionableReplySchema,
  ThreadAnchorsSchema,
  ThreadListSchema,
  ThreadSchema,
  type AnchorInput,
  type PersonRef,
  type Thread,
  type ThreadAnchorRef,
  type ThreadSubject,
} from '@mesa/shared';
import type { z } from 'zod';
import { getJson, sendJson } from './api';

/**
 * A page of a subject's threads (all states, newest first), the next page's cursor, its open
 * count and whether the reader may open one.
 */
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

/** A page of a subject's threads, newest first: the first, or the one after `cursor`. */
export function fetchThreads(
  subject: ThreadSubject,
  page: { cursor?: string | null; limit?: number } = {},
  signal?: AbortSignal,
): Promise<ThreadList> {
  const params = subjectParams(subject);
  params.set('state', 'all');
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  if (page.cursor) params.set('cursor', page.cursor);
  return getJson(`/api/threads?${params.toString()}`, ThreadListSchema, signal);
}

/**
 * How many of a subject's threads are open, asking for the smallest page the list allows (one
 * open thread), since only the count is wanted.
 */
export async function fetchOpenThreadCount(
  subject: ThreadSubject,
  signal?: AbortSignal,
): Promise<number> {
  const params = subjectParams(subject);
  params.set('state', 'open');
  params.set('limit', '1');
  return (await getJson(`/api/threads?${params.toString()}`, ThreadListSchema, signal)).openCount;
}

/** Every thread of a document with only its id, state and anchor (the editor's highlights). */
export async function fetchThreadAnchors(
  documentName: string,
  signal?: AbortSignal,
): Promise<ThreadAnchorRef[]> {
  const params = new URLSearchParams({ kind: 'document', documentName });
  const path = `/api/threads/anchors?${params.toString()}`;
  return (await getJson(path, ThreadAnchorsSchema, signal)).threads;
}

/** One thread (a link may name one that is not on the pages loaded). */
export function fetchThread(threadId: string, signal?: AbortSignal): Promise<Thread> {
  return getJson(`/api/threads/${segment(threadId)}`, ThreadSchema, signal);
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
