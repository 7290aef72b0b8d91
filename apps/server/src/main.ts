import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './env.js';
import { AppError } from './lib/errors.js';

function fail(message: string): never {
  process.stderr.write(`mesa: ${message}\n`);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError)
      fail(`invalid configuration:\n  ${error.problems.join('\n  ')}`);
    throw error;
  }
}

async function start(): Promise<void> {
  const config = readConfig();
  const app = await buildApp(config).catch((error: unknown) => {
    // A refused MESA_ADMIN_PASSWORD is found at bootstrap, after the database opened.
    if (error instanceof AppError) fail(`invalid configuration: ${error.message}`);
    const reason = error instanceof Error ? error.message : String(error);
    const where = config.databaseUrl
      ? 'the PostgreSQL database at DATABASE_URL'
      : `the SQLite database in ${config.dataDir}`;
    return fail(`cannot open ${where}: ${reason}`);
  });

  process.on('uncaughtException', (error) => app.log.fatal({ err: error }, 'uncaught exception'));
  process.on('unhandledRejection', (reason) =>
    app.log.error({ err: reason }, 'unhandled rejection'),
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fail(`cannot listen on ${config.host}:${config.port}: ${reason}`);
  }
  app.log.info(`Mesa is running at ${config.publicUrl}`);
}

void start();
