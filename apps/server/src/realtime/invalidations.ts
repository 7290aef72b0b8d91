import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { createClient } from 'redis';
import { z } from 'zod';
import type { Config } from '../env.js';
import type { DomainEventMap, DomainEvents } from '../lib/events.js';
import { closeRedisClients, connectOrGiveUp, redisChannelPrefix } from './redis.js';

/** How often open connections re-check their session (idle and absolute expiry, revocation). */
export const SESSION_RECHECK_MS = 60_000;

/** The domain events that end or narrow open connections, on every transport. */
export type InvalidationMap = Pick<
  DomainEventMap,
  'session.ended' | 'user.deactivated' | 'access.changed'
>;

/** What `access.changed` says; null on an axis means "may affect everyone" on it. */
export type AccessChange = InvalidationMap['access.changed'][0];

/**
 * The invalidations every node hears: Socket.IO and document connections listen here (never to
 * `app.events` for these), so a change made on any node reaches the connections of all of them.
 */
export class Invalidations extends EventEmitter<InvalidationMap> {}

const NAMES = ['session.ended', 'user.deactivated', 'access.changed'] as const;

// What arrives from Redis is parsed like any input: a message another program put on the
// channel must not reach the listeners in an unexpected shape.
const Id = z.string().min(1).max(100);
const MessageSchema = z.discriminatedUnion('name', [
  z.object({
    node: z.string(),
    name: z.literal('session.ended'),
    payload: z.object({ sessionId: Id, userId: Id }),
  }),
  z.object({
    node: z.string(),
    name: z.literal('user.deactivated'),
    payload: z.object({ userId: Id }),
  }),
  z.object({
    node: z.string(),
    name: z.literal('access.changed'),
    payload: z.object({
      programId: Id.nullable(),
      userId: Id.nullable(),
      organizationId: Id.nullable(),
    }),
  }),
]);
type Message = z.infer<typeof MessageSchema>;

/** Whether an access change may concern a person, and, when known, one program they use. */
export function accessChangeConcerns(
  change: AccessChange,
  person: { userId: string; organizationId: string },
  programId: string | null = null,
): boolean {
  if (change.userId !== null && person.userId !== change.userId) return false;
  if (change.organizationId !== null && person.organizationId !== change.organizationId)
    return false;
  return change.programId === null || programId === null || programId === change.programId;
}

/** The node's invalidations and how to stop relaying them. */
export interface InvalidationChannel {
  events: Invalidations;
  close(): Promise<void>;
}

function deliver(events: Invalidations, message: Pick<Message, 'name' | 'payload'>): void {
  // The union keeps name and payload paired; EventEmitter's overloads cannot see it.
  (events.emit as (name: string, payload: unknown) => boolean)(message.name, message.payload);
}

function parseMessage(raw: string): Message | null {
  try {
    const parsed = MessageSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The Redis side: publishes this node's messages, delivers the other nodes' here. */
async function connectRedis(
  url: string,
  channel: string,
  node: string,
  events: Invalidations,
  log: FastifyBaseLogger,
) {
  const pub = createClient({ url, RESP: 2 });
  const sub = pub.duplicate();
  // An 'error' without a listener would crash the process; the clients reconnect by themselves.
  pub.on('error', (err: unknown) => log.error({ err }, 'redis (invalidations publish) error'));
  sub.on('error', (err: unknown) => log.error({ err }, 'redis (invalidations subscribe) error'));
  let subscribed = false;
  sub.on('ready', () => {
    if (subscribed) events.emit('access.changed', EVERYONE);
  });
  await connectOrGiveUp([pub, sub], url);
  await sub.subscribe(channel, (raw: string) => {
    const message = parseMessage(raw);
    if (!message) return log.warn({ channel }, 'ignored a malformed invalidation');
    if (message.node !== node) deliver(events, message);
  });
  subscribed = true;
  return {
    publish(message: Message) {
      pub.publish(channel, JSON.stringify(message)).catch((err: unknown) => {
        log.error(
          { err, event: message.name },
          'could not tell the other nodes of an invalidation',
        );
      });
    },
    close: () => closeRedisClients([pub, sub]),
  };
}

// After an outage of Redis: every connection is re-checked (sessions, rights).
const EVERYONE: AccessChange = { programId: null, userId: null, organizationId: null };

/**
 * Relays the three invalidating domain events of this node to `events` on every node, each
 * exactly once. Without Redis that is this node alone. With `REDIS_URL` each event is
 * delivered here at once and published on `<prefix>:invalidations`; a node skips its own
 * messages. When a lost Redis connection comes back, this node re-checks every connection:
 * what was published meanwhile is lost.
 */
export async function openInvalidationChannel(
  config: Config,
  source: DomainEvents,
  log: FastifyBaseLogger,
): Promise<InvalidationChannel> {
  const events = new Invalidations();
  const node = randomUUID();
  const channel = `${redisChannelPrefix(config)}:invalidations`;
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, channel, node, events, log)
    : null;
  type Listener = (payload: Message['payload']) => void;
  const on = source.on.bind(source) as (name: string, listener: Listener) => void;
  const off = source.off.bind(source) as (name: string, listener: Listener) => void;
  const stops = NAMES.map((name) => {
    const listener: Listener = (payload) => {
      const message = { node, name, payload } as Message;
      deliver(events, message);
      redis?.publish(message);
    };
    on(name, listener);
    return () => off(name, listener);
  });
  return {
    events,
    async close() {
      for (const stop of stops) stop();
      events.removeAllListeners();
      await redis?.close();
    },
  };
}
