import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { DataDirLockedError, lockDataDir, type DataDirLock } from './db/data-dir-lock.js';
import { ConfigError, loadConfig, type Config } from './env.js';
import { AppError } from './lib/errors.js';

/** How long a crashed process tries to close cleanly before it exits anyway. */
export const CRASH_GRACE_MS = 3000;

/** How long a signalled process waits for a graceful close before it exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

function fail(message: string): never {
  process.stderr.write(`mesa: ${message}\n`);
  process.exit(1);
}

function readConfig(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError)
      fail(`invalid configuration:\n  ${error.problems.join('\n  ')}`);
    throw error;
  }
}

// SQLite only: PostgreSQL is shared on purpose by several nodes.
function lockOrFail(config: Config): DataDirLock | null {
  if (config.databaseUrl) return null;
  try {
    return lockDataDir(config.dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
}

async function buildOrFail(config: Config, lock: DataDirLock | null): Promise<FastifyInstance> {
  return buildApp(config).catch((error: unknown) => {
    lock?.release();
    // A refused MESA_ADMIN_PASSWORD is found at bootstrap, after the database opened.
    if (error instanceof AppError) fail(`invalid configuration: ${error.message}`);
    const reason = error instanceof Error ? error.message : String(error);
    const where = config.databaseUrl
      ? 'the PostgreSQL database at DATABASE_URL'
      : `the SQLite database in ${config.dataDir}`;
    return fail(`cannot open ${where}: ${reason}`);
  });
}

/**
 * Ends the process once: closes the app (clients get 1001, documents are stored, the
 * database closes), releases DATA_DIR, exits with `code`. A close that takes longer than
 * `graceMs` is abandoned; the process exits with 1 then.
 */
function exitOnce(app: FastifyInstance, lock: DataDirLock | null) {
  let exiting = false;
  return (code: number, graceMs: number) => {
    if (exiting) return;
    exiting = true;
    const force = setTimeout(() => process.exit(1), graceMs);
    force.unref();
    app.close().then(
      () => {
        lock?.release();
        process.exit(code);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
}

/**
 * Installs what ends the process: SIGTERM and SIGINT close gracefully and exit 0; an uncaught
 * exception or unhandled rejection is logged, then the process closes what it can within
 * CRASH_GRACE_MS and exits 1 — its state is unknown, so it must not keep serving; a
 * supervisor restarts it (README, deploy/mesa.service).
 */
function installExits(app: FastifyInstance, lock: DataDirLock | null): void {
  const exit = exitOnce(app, lock);
  process.on('uncaughtException', (error) => {
    app.log.fatal({ err: error }, 'uncaught exception; closing and exiting');
    exit(1, CRASH_GRACE_MS);
  });
  process.on('unhandledRejection', (reason) => {
    app.log.fatal({ err: reason }, 'unhandled rejection; closing and exiting');
    exit(1, CRASH_GRACE_MS);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      app.log.info({ signal }, 'shutting down');
      exit(0, SHUTDOWN_GRACE_MS);
    });
}

/**
 * Starts Mesa as this process: configuration, the DATA_DIR lock (SQLite), the app, exit
 * handling, then listening. Any failure to start prints one line and exits 1. `main.ts` calls
 * it; tests call it from a child process to check what the real process does.
 */
export async function serve(env: Record<string, string | undefined>): Promise<FastifyInstance> {
  const config = readConfig(env);
  const lock = lockOrFail(config);
  const app = await buildOrFail(config, lock);
  installExits(app, lock);
  try {
    // Fastify's own listening line says where Mesa is, before the onListen hooks (the setup
    // link) run, so the link is the last thing printed at start.
    await app.listen({
      port: config.port,
      host: config.host,
      listenTextResolver: (address) =>
        `Mesa is running at ${config.publicUrl} (listening on ${address})`,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fail(`cannot listen on ${config.host}:${config.port}: ${reason}`);
  }
  return app;
}
