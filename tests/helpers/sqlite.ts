import { join } from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * Holds the write lock of a data directory's SQLite database from another connection, as a
 * `sqlite3` shell running `BEGIN IMMEDIATE` would: the server can read but not write until
 * `release()`. A real condition, not a mock: it is what makes a store slow or busy.
 */
export function holdWriteLock(dataDir: string): { release(): void } {
  const db = new SQLite(join(dataDir, 'mesa.sqlite'));
  db.exec('BEGIN IMMEDIATE');
  return {
    release() {
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
