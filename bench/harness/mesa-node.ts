// One Mesa node in the bench's own process: the whole app built as `pnpm start` builds it
// (sign-in, the one policy, the database, domain events, Socket.IO), listening on 127.0.0.1
// with its own temporary DATA_DIR. Used by the meetings and funding benchmarks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '@mesa/server/app';
import { loadConfig } from '@mesa/server/env';

/** A built Mesa app. */
export type App = Awaited<ReturnType<typeof buildApp>>;

/**
 * Builds and starts one node with `env` (e.g. DATABASE_URL, REDIS_URL); `dir` is its DATA_DIR,
 * `origin` the Origin its state-changing requests must carry.
 */
export async function startNode(
  env: Record<string, string>,
): Promise<{ app: App; url: string; dir: string; origin: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mesa-bench-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await buildApp(config, {
    ...(process.env.BENCH_LOG ? {} : { logger: false }),
    announce: () => undefined,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // What a browser on it sends as Origin (PUBLIC_URL, by default http://localhost:<PORT>).
  return { app, url: `http://127.0.0.1:${port}`, dir, origin: config.publicUrl };
}
