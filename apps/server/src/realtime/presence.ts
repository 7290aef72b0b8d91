import { workspaceRoom, type LocalizedText, type Presence, type SocketData } from '@mesa/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { MesaIo } from './types.js';

/** How long presence waits after a connect or disconnect before broadcasting (coalesces storms). */
export const PRESENCE_DEBOUNCE_MS = 250;

/**
 * Groups connections by organization, each person once however many tabs they have. Sorted by
 * English name for a stable order; each reader sorts again by the name in their language.
 */
export function groupPresence(connections: readonly SocketData[]): Presence {
  const orgs = new Map<string, { id: string; name: LocalizedText; people: Map<string, string> }>();
  for (const c of connections) {
    let org = orgs.get(c.organizationId);
    if (!org) {
      org = { id: c.organizationId, name: c.organizationName, people: new Map() };
      orgs.set(c.organizationId, org);
    }
    org.people.set(c.userId, c.name);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const byEnglishName = (a: { name: LocalizedText }, b: { name: LocalizedText }) =>
    a.name.en.localeCompare(b.name.en);
  return {
    organizations: [...orgs.values()].sort(byEnglishName).map((org) => ({
      id: org.id,
      name: org.name,
      people: [...org.people].map(([id, name]) => ({ id, name })).sort(byName),
    })),
  };
}

/** Presence of one node's Socket.IO server: a cluster-wide snapshot and a debounced broadcast. */
export interface PresenceTracker {
  /** Who is online on every node now. */
  snapshot(): Promise<Presence>;
  /** Broadcasts `presence.changed` soon, once for any number of calls in the window. */
  schedule(): void;
  /** Cancels a pending broadcast and waits for one under way, which then sends nothing. */
  stop(): Promise<void>;
}

/**
 * Presence is computed from the live connections themselves: `fetchSockets()` asks every node
 * through the adapter (Redis when scaled out) for its connections' `socket.data`. No set in
 * Redis can go stale when a node dies, and the cost is one round trip per debounced change.
 */
export function trackPresence(io: MesaIo, log: FastifyBaseLogger): PresenceTracker {
  let timer: NodeJS.Timeout | null = null;
  const running = new Set<Promise<void>>();
  let stopped = false;
  const snapshot = async () => {
    const sockets = await io.in(workspaceRoom()).fetchSockets();
    return groupPresence(sockets.map((s) => s.data));
  };
  const broadcast = async () => {
    // No "unchanged, skip": another node may have broadcast since, so always send the truth.
    const presence = await snapshot();
    // The snapshot can take up to the adapter's request timeout; the node may be closing by then.
    if (!stopped) io.to(workspaceRoom()).emit('presence.changed', presence);
  };
  return {
    snapshot,
    schedule() {
      if (stopped) return;
      timer ??= setTimeout(() => {
        timer = null;
        const run = broadcast()
          .catch((err: unknown) => log.warn({ err }, 'presence broadcast failed'))
          .finally(() => running.delete(run));
        running.add(run);
      }, PRESENCE_DEBOUNCE_MS);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await Promise.all(running);
    },
  };
}
