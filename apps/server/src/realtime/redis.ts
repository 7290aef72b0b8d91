import { createHash } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../env.js';

/** The Socket.IO Redis adapter and a way to close its two connections. */
export interface RedisAdapterHandle {
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * The channel prefix: nodes that share one database are one workspace. Two deployments (or two
 * test runs) on the same Redis never hear each other's broadcasts.
 */
export function redisChannelPrefix(config: Config): string {
  const workspace = config.databaseUrl ?? config.dataDir;
  return `mesa-io:${createHash('sha256').update(workspace).digest('hex').slice(0, 16)}`;
}

/** How long a starting node waits for Redis before it refuses to start. */
export const REDIS_CONNECT_TIMEOUT_MS = 10_000;

// node-redis retries a refused connection forever; a node that cannot reach Redis must not start
// (it would serve a partial, single-node view of presence and fan-outs).
export async function connectOrGiveUp(
  clients: { connect(): Promise<unknown>; destroy(): void }[],
  url: string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const where = new URL(url).host;
      reject(new Error(`cannot reach Redis at ${where} (REDIS_URL) within 10 s`));
    }, REDIS_CONNECT_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.all(clients.map((c) => c.connect())), timeout]);
  } catch (error) {
    for (const c of clients) c.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** How long a closing node waits for Redis to answer QUIT before it drops the connection. */
export const REDIS_CLOSE_TIMEOUT_MS = 2000;

/**
 * Closes clients gracefully (pending commands get their replies), and destroys any that has not
 * closed within REDIS_CLOSE_TIMEOUT_MS. A node-redis client whose connection dropped during its
 * reconnection handshake can stay open and never ready; its graceful close would wait for ever
 * and hold the node's shutdown (seen with a Redis link cut through a proxy).
 */
export async function closeRedisClients(
  clients: { close(): Promise<unknown>; destroy(): void }[],
): Promise<void> {
  await Promise.all(
    clients.map(async (client) => {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), REDIS_CLOSE_TIMEOUT_MS);
      });
      const closed = client.close().then(
        () => true,
        () => false,
      );
      const done = await Promise.race([closed, timedOut]);
      clearTimeout(timer);
      if (done) return;
      try {
        client.destroy();
      } catch {
        // Already closed meanwhile.
      }
    }),
  );
}

/**
 * Makes a client's failed PUBLISH a reported error instead of an unhandled rejection. The
 * Socket.IO adapter publishes fire-and-forget (broadcasts, answers to other nodes' requests) and
 * never handles the promise; a publish that races the client's close at shutdown, or any other
 * failed one, would otherwise surface as an unhandled rejection. The message is lost either way:
 * Socket.IO broadcasts are best-effort, and an unanswered request times out on the asking node.
 */
export function reportPublishFailures<C extends { publish(...args: never[]): Promise<unknown> }>(
  client: C,
  onError: (err: unknown) => void,
): void {
  const publish = client.publish.bind(client) as (
    ...args: Parameters<C['publish']>
  ) => Promise<unknown>;
  const guarded = (...args: Parameters<C['publish']>) =>
    publish(...args).catch((err: unknown) => {
      onError(err);
      return 0; // As if no node had been listening.
    });
  client.publish = guarded;
}

/** `reportPublishFailures` for the fire-and-forget UNSUBSCRIBE and PUNSUBSCRIBE of a client. */
export function reportUnsubscribeFailures<
  C extends {
    unsubscribe(...args: never[]): Promise<unknown>;
    pUnsubscribe(...args: never[]): Promise<unknown>;
  },
>(client: C, onError: (err: unknown) => void): void {
  for (const name of ['unsubscribe', 'pUnsubscribe'] as const) {
    const original = client[name].bind(client) as (...args: unknown[]) => Promise<unknown>;
    const guarded = (...args: unknown[]) =>
      original(...args).catch((err: unknown) => {
        onError(err);
      });
    client[name] = guarded;
  }
}

/** Connects the separate publish and subscribe clients the adapter needs (redis 6). */
export async function connectRedisAdapter(
  config: Config & { redisUrl: string },
  log: FastifyBaseLogger,
): Promise<RedisAdapterHandle> {
  const pub = createClient({ url: config.redisUrl });
  const sub = pub.duplicate();
  // An 'error' without a listener would crash the process; the client reconnects by itself.
  pub.on('error', (err: unknown) => log.error({ err }, 'redis (socket.io publish) error'));
  sub.on('error', (err: unknown) => log.error({ err }, 'redis (socket.io subscribe) error'));
  reportPublishFailures(pub, (err) => log.warn({ err }, 'redis (socket.io publish) failed'));
  // The adapter's close() unsubscribes without awaiting either; on a client that is down (a lost
  // Redis link at shutdown) those commands are rejected when the client is destroyed.
  reportUnsubscribeFailures(sub, (err) =>
    log.warn({ err }, 'redis (socket.io unsubscribe) failed'),
  );
  await connectOrGiveUp([pub, sub], config.redisUrl);
  return {
    adapter: createAdapter(pub, sub, { key: redisChannelPrefix(config), requestsTimeout: 2000 }),
    close: () => closeRedisClients([pub, sub]),
  };
}
