import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCodes, planDocumentName } from '@mesa/shared';
import type { Actor } from '../../authz/index.js';
import { Invalidations } from '../invalidations.js';
import type { CollabClient } from './client.js';
import { watchAccess, type InvalidationDeps } from './invalidation.js';

/** A stand-in connection: what watchAccess reads of a CollabClient, and the closes it made. */
function fakeClient(cookie: string, actor: Partial<Actor>, programId = 'p1') {
  const closes: number[] = [];
  const client = {
    cookie,
    actor: { sessionId: `s-${cookie}`, userId: `u-${cookie}`, organizationId: 'o1', ...actor },
    doc: { name: planDocumentName(programId) },
    mode: 'write',
    close: (code: number) => void closes.push(code),
  };
  return { client: client as unknown as CollabClient, closes };
}

describe('watchAccess', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const watch = (clients: CollabClient[], overrides: Partial<InvalidationDeps> = {}) => {
    const events = new Invalidations();
    const deps: InvalidationDeps = {
      events,
      clients: () => clients,
      authenticate: () => Promise.resolve({} as Actor),
      access: () => Promise.resolve('write'),
      onError: (error) => {
        throw error;
      },
      recheckMs: 1000,
      ...overrides,
    };
    stop = watchAccess(deps);
    return events;
  };

  it('closes with 4401 a connection whose session expired, at the periodic re-check', async () => {
    const live = fakeClient('live', {});
    const expired = fakeClient('expired', {});
    const authenticate = vi.fn((cookie: string | undefined) =>
      Promise.resolve(cookie === 'live' ? ({} as Actor) : null),
    );
    watch([live.client, expired.client], { authenticate });
    await vi.advanceTimersByTimeAsync(999);
    expect(expired.closes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(expired.closes).toEqual([CloseCodes.noSession]);
    expect(live.closes).toEqual([]);
  });

  it('looks a session up once per re-check however many documents it has open', async () => {
    const docs = ['p1', 'p2', 'p3'].map((p) => fakeClient('same', {}, p).client);
    const authenticate = vi.fn(() => Promise.resolve({} as Actor));
    watch(docs, { authenticate });
    await vi.advanceTimersByTimeAsync(1000);
    expect(authenticate).toHaveBeenCalledTimes(1);
  });

  it('re-checks only the connections an access change concerns, and closes those that changed with 4409', async () => {
    const onP1 = fakeClient('a', { organizationId: 'o1' }, 'p1');
    const onP2 = fakeClient('b', { organizationId: 'o1' }, 'p2');
    const otherOrg = fakeClient('c', { organizationId: 'o2' }, 'p1');
    const access = vi.fn(() => Promise.resolve('read' as const));
    const events = watch([onP1.client, onP2.client, otherOrg.client], { access });
    events.emit('access.changed', { programId: 'p1', userId: null, organizationId: 'o1' });
    await vi.advanceTimersByTimeAsync(0);
    expect(onP1.closes).toEqual([CloseCodes.accessChanged]);
    expect(onP2.closes).toEqual([]);
    expect(otherOrg.closes).toEqual([]);
  });

  it('closes a session’s and a deactivated person’s connections with 4401 at once', () => {
    const first = fakeClient('a', {});
    const second = fakeClient('b', {});
    const events = watch([first.client, second.client]);
    events.emit('session.ended', { sessionId: 's-a', userId: 'u-a' });
    events.emit('user.deactivated', { userId: 'u-b' });
    expect(first.closes).toEqual([CloseCodes.noSession]);
    expect(second.closes).toEqual([CloseCodes.noSession]);
  });
});
