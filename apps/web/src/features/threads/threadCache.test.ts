import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Thread } from '@mesa/shared';
import type { ThreadList } from '../../lib/threadsApi';
import { applyThreadChange, mergeThreadChange, threadKeys } from './threadCache';

const author = {
  id: 'u1',
  name: 'Ana',
  organizationId: 'o1',
  organizationName: { en: 'A', es: 'A' },
};

function thread(id: string, state: Thread['state'] = 'open'): Thread {
  return {
    id,
    subject: { kind: 'program', programId: 'p1' },
    anchor: null,
    state,
    author,
    createdAt: '2026-12-06T00:00:00.000Z',
    resolvedBy: null,
    resolvedAt: null,
    comments: [],
    abilities: { reply: true, resolve: true },
  };
}

const list = (threads: Thread[], openCount?: number): ThreadList => ({
  threads,
  nextCursor: null,
  openCount: openCount ?? threads.filter((t) => t.state === 'open').length,
  canComment: true,
});

describe('mergeThreadChange', () => {
  it("replaces a changed thread in place, keeping the reader's abilities, and recounts open ones", () => {
    const { abilities: _, ...resolved } = thread('t1', 'resolved');
    const merged = mergeThreadChange(list([thread('t2'), thread('t1')]), {
      change: 'resolved',
      thread: resolved,
    });
    expect(merged!.threads.map((t) => [t.id, t.state])).toEqual([
      ['t2', 'open'],
      ['t1', 'resolved'],
    ]);
    expect(merged!.threads[1]?.abilities).toEqual({ reply: true, resolve: true });
    expect(merged!.openCount).toBe(1);
  });

  it('puts a new thread first, with no abilities until the list is fetched again', () => {
    const { abilities: _, ...created } = thread('t3');
    const merged = mergeThreadChange(list([thread('t1')]), { change: 'created', thread: created });
    expect(merged!.threads.map((t) => t.id)).toEqual(['t3', 't1']);
    expect(merged!.threads[0]?.abilities).toEqual({ reply: false, resolve: false });
    expect(merged!.openCount).toBe(2);
  });

  it('keeps the open count of threads on pages not loaded, and leaves their changes to a refetch', () => {
    const { abilities: _, ...resolved } = thread('t1', 'resolved');
    const paged = list([thread('t2'), thread('t1')], 40);
    expect(mergeThreadChange(paged, { change: 'resolved', thread: resolved })!.openCount).toBe(39);
    const { abilities: __, ...older } = thread('t9', 'resolved');
    expect(mergeThreadChange(paged, { change: 'resolved', thread: older })).toBeNull();
  });
});

describe('applyThreadChange', () => {
  it('refetches a cached open count when a thread opens, is resolved or reopened, not on a reply', () => {
    const client = new QueryClient();
    const { abilities: _, ...base } = thread('t1');
    const key = threadKeys.openCount(base.subject);
    client.setQueryData(key, 3);
    applyThreadChange(client, { change: 'commented', thread: base });
    expect(client.getQueryState(key)?.isInvalidated).toBe(false);
    applyThreadChange(client, { change: 'resolved', thread: { ...base, state: 'resolved' } });
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
  });
});
