/** The one method of a better-sqlite3 connection the pragmas need (no import, so a worker loads it cheaply). */
export interface PragmaTarget {
  pragma(source: string): unknown;
}

/**
 * Sets what every SQLite connection of Mesa must have, whichever thread opens it: WAL with
 * `synchronous=FULL` (a commit is on disk when it returns, so an answer never promises more
 * than the disk holds), foreign keys, and how long a statement waits for another writer's lock.
 * The main thread passes 0: it never waits on a lock, it retries asynchronously instead
 * (db/sqlite-driver.ts); a worker thread may choose to wait.
 */
export function applySqlitePragmas(
  db: PragmaTarget,
  options: { busyTimeoutMs?: number } = {},
): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 0))}`);
}
