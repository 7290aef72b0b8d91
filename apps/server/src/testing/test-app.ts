import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../app.js';
import { loadConfig } from '../env.js';
import type { DomainEventMap, DomainEvents } from '../lib/events.js';

/** An app built for a test beside the code, and how to dispose of it. */
export interface TestApp {
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Builds the whole app (migrated and seeded) on a temporary SQLite directory without
 * listening: service tests call services with `app.ctx` and listen on `app.events`.
 */
export async function buildTestApp(options: AppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-unit-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const app = await buildApp(config, { logger: false, announce: () => undefined, ...options });
  return {
    app,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Collects every payload of one domain event from now on, in the order they are emitted. */
export function recordEvents<K extends keyof DomainEventMap>(
  events: DomainEvents,
  name: K,
): DomainEventMap[K][0][] {
  const seen: DomainEventMap[K][0][] = [];
  const listener = (payload: DomainEventMap[K][0]) => void seen.push(payload);
  // Node's typed EventEmitter cannot resolve the listener type of a generic event name.
  events.on(name, listener as never);
  return seen;
}
