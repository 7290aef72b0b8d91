import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  REDIS_CLOSE_TIMEOUT_MS,
  closeRedisClients,
  reportPublishFailures,
  reportUnsubscribeFailures,
} from './redis.js';

/** A stand-in for a node-redis client whose graceful close resolves, fails or never ends. */
function client(close: 'resolves' | 'rejects' | 'hangs') {
  return {
    destroyed: false,
    close: vi.fn(() => {
      if (close === 'resolves') return Promise.resolve('OK');
      if (close === 'rejects') return Promise.reject(new Error('The client is closed'));
      return new Promise<never>(() => undefined);
    }),
    destroy() {
      this.destroyed = true;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('closing Redis clients at shutdown', () => {
  it('closes healthy clients gracefully without destroying them', async () => {
    const healthy = [client('resolves'), client('resolves')];
    await closeRedisClients(healthy);
    expect(healthy.map((c) => [c.close.mock.calls.length, c.destroyed])).toEqual([
      [1, false],
      [1, false],
    ]);
  });

  it('destroys a client whose close never ends, so the shutdown finishes', async () => {
    vi.useFakeTimers();
    const stuck = client('hangs');
    const healthy = client('resolves');
    let finished = false;
    const closing = closeRedisClients([stuck, healthy]).then(() => (finished = true));
    await vi.advanceTimersByTimeAsync(REDIS_CLOSE_TIMEOUT_MS - 1);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await closing;
    expect(stuck.destroyed).toBe(true);
    expect(healthy.destroyed).toBe(false);
  });

  it('destroys a client whose close fails', async () => {
    const failing = client('rejects');
    await closeRedisClients([failing]);
    expect(failing.destroyed).toBe(true);
  });
});

describe("the Socket.IO adapter's publishes", () => {
  it('reports a failed publish instead of leaving an unhandled rejection', async () => {
    const publisher = {
      published: [] as string[],
      closed: false,
      publish(channel: string, message: string): Promise<number> {
        // `this` must still be the client: node-redis keeps its state in private fields.
        if (this.closed) return Promise.reject(new Error('The client is closed'));
        this.published.push(`${channel}:${message}`);
        return Promise.resolve(1);
      },
    };
    const errors: unknown[] = [];
    reportPublishFailures(publisher, (err) => errors.push(err));

    expect(await publisher.publish('room', 'hello')).toBe(1);
    publisher.closed = true;
    expect(await publisher.publish('room', 'too late')).toBe(0);
    expect(publisher.published).toEqual(['room:hello']);
    expect(errors).toEqual([new Error('The client is closed')]);
  });

  it('reports the unawaited unsubscribes a destroyed client rejects instead of leaving them unhandled', async () => {
    const subscriber = {
      destroyed: false,
      unsubscribe(): Promise<void> {
        return this.destroyed ? Promise.reject(new Error('Disconnects client')) : Promise.resolve();
      },
      pUnsubscribe(): Promise<void> {
        return this.destroyed ? Promise.reject(new Error('Disconnects client')) : Promise.resolve();
      },
    };
    const errors: unknown[] = [];
    reportUnsubscribeFailures(subscriber, (err) => errors.push(err));
    await subscriber.unsubscribe();
    subscriber.destroyed = true;
    await subscriber.unsubscribe();
    await subscriber.pUnsubscribe();
    expect(errors).toEqual([new Error('Disconnects client'), new Error('Disconnects client')]);
  });
});
