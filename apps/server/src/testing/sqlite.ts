import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

/** A second connection's exclusive hold on a database file; `release` rolls it back and closes. */
export interface SqliteLockHolder {
  release(): void;
}

/**
 * Opens a test server's SQLite file on a connection of its own, as the sqlite3 shell or another
 * process would, and takes its write lock with BEGIN EXCLUSIVE (readers still read under WAL).
 */
export function holdSqliteWriteLock(dataDir: string): SqliteLockHolder {
  const other = new SQLite(join(dataDir, 'mesa.sqlite'));
  other.exec('BEGIN EXCLUSIVE');
  return {
    release() {
      if (!other.open) return;
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    },
  };
}

/**
 * Caps how far the app's own SQLite connection may grow the file: `'current'` makes the next
 * write that needs a new page fail with SQLITE_FULL, as a full disk does; a number lifts it.
 */
export async function limitSqlitePages(
  app: FastifyInstance,
  pages: number | 'current',
): Promise<void> {
  const db = app.db.kysely;
  const count = async () => {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    return Number(rows[0]?.page_count);
  };
  const limit = pages === 'current' ? await count() : Math.trunc(pages);
  await sql`pragma max_page_count = ${sql.raw(String(limit))}`.execute(db);
}
