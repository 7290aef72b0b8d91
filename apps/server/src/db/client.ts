import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { applySqlitePragmas } from './sqlite-pragmas.js';
import { GatedSqliteDialect } from './sqlite-driver.js';

/** Which SQL engine a database runs on; migrations and a few queries differ by it. */
export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely handle, its dialect, and how to close it. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /**
   * The raw better-sqlite3 handle (SQLite only), for the few synchronous writes a
   * repository prepares once (see createSqliteJournalStore); Kysely stays the default.
   */
  sqlite?: SQLite.Database;
  /**
   * SQLite only: whether the write lock could be taken right now, asked without waiting (a
   * sqlite3 shell, a tool or a worker thread may hold it). Health reports `busy` when not.
   */
  writeLockFree?: () => Promise<boolean>;
  close(): Promise<void>;
}

// pg returns int8 (e.g. count(*)) as a string; every count here fits in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

function openSqlite(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(join(dataDir, 'mesa.sqlite'));
  const database = new SQLite(file);
  // Durable on commit, and the event loop never waits on a lock (see GatedSqliteDialect).
  applySqlitePragmas(database, { busyTimeoutMs: 0 });
  const dialect = new GatedSqliteDialect(database);
  const kysely = new Kysely<Database>({ dialect });
  return {
    kysely,
    dialect: 'sqlite',
    sqlite: database,
    writeLockFree: () => dialect.writeLockFree(),
    close: () => kysely.destroy(),
  };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}

/** Opens the configured database and checks that it answers. */
export async function openDb(options: {
  databaseUrl: string | null;
  dataDir: string;
}): Promise<Db> {
  const db = options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options.dataDir);
  try {
    await pingDb(db);
    if (db.dialect === 'postgres') await assertDurableCommits(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

// Mesa answers a write once it is committed; with synchronous_commit=off PostgreSQL reports a
// commit before its WAL is flushed, so a crash could lose what a person was told is stored.
async function assertDurableCommits(db: Db): Promise<void> {
  const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(
    db.kysely,
  );
  if (rows[0]?.synchronous_commit === 'off') {
    throw new Error(
      'synchronous_commit is off, so commits could be lost in a crash; set it to on (ALTER SYSTEM SET synchronous_commit = on, or per database)',
    );
  }
}

/** Resolves when the database answers a trivial query. */
export async function pingDb(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
