import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '@mesa/server/app';
import { loadConfig, type Config } from '@mesa/server/env';
import { createPostgresDatabase, type TestDialect } from './databases.js';
import { freePort } from './process.js';

/** A Mesa server started for a test on an ephemeral port, with its own database. */
export interface TestServer {
  app: FastifyInstance;
  config: Config;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The app's own origin (what a browser on it sends as Origin). */
  origin: string;
  close(): Promise<void>;
}

/** Starts the real app (migrated and seeded) on port 0 with a temporary database. */
export async function startServer(
  options: {
    dialect?: TestDialect;
    env?: Record<string, string>;
    app?: AppOptions;
    dataDir?: string;
  } = {},
): Promise<TestServer> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mesa-test-'));
  const pgDb = options.dialect === 'postgres' ? await createPostgresDatabase() : null;
  const base = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    ...options.env,
  });
  // The setup link line is printed by default; tests that need it pass their own `announce`.
  const app = await buildApp(base, { logger: false, announce: () => undefined, ...options.app });
  // Port 0 unless the test chose one (startServerOnOwnOrigin), so PUBLIC_URL can match it.
  await app.listen({ port: base.port, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  // The app's own origin is PUBLIC_URL; tests pass it as Origin like a browser would.
  const config = base;
  return {
    app,
    config,
    url,
    origin: config.publicUrl,
    async close() {
      await app.close();
      await pgDb?.drop();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the app on a free port whose `http://127.0.0.1:<port>` is also its PUBLIC_URL, so a
 * browser's state-changing requests carry the app's own Origin (sign-in, forms) and pass.
 */
export async function startServerOnOwnOrigin(
  options: Parameters<typeof startServer>[0] = {},
): Promise<TestServer> {
  const port = await freePort();
  const env = { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...options.env };
  return startServer({ ...options, env });
}
