import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

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
  close(): Promise<void>;
}

// pg returns int8 (e.g. count(*)) as a string; every count here fits in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

function openSqlite(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(join(dataDir, 'mesa.sqlite'));
  const database = new SQLite(file);
  // WAL with synchronous=NORMAL: a committed transaction survives a process crash (SIGKILL).
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { kysely, dialect: 'sqlite', sqlite: database, close: () => kysely.destroy() };
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
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

/** Resolves when the database answers a trivial query. */
export async function pingDb(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
