import { setTimeout as sleep } from 'node:timers/promises';
import type SQLite from 'better-sqlite3';
import {
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { isSqliteBusy } from './storage-faults.js';

/** How long a statement keeps trying while another process holds the write lock. */
export interface BusyRetry {
  /** First pause after SQLITE_BUSY; each later pause doubles. */
  firstDelayMs: number;
  /** Longest single pause. */
  maxDelayMs: number;
  /** Give up (rethrow SQLITE_BUSY) once this much time has passed. */
  budgetMs: number;
}

/** 2 ms doubling to 100 ms, about 2.5 s in all: a commit of another process takes far less. */
export const defaultBusyRetry: BusyRetry = { firstDelayMs: 2, maxDelayMs: 100, budgetMs: 2500 };

/**
 * Runs `attempt` until it does not throw SQLITE_BUSY/SQLITE_LOCKED, pausing asynchronously
 * between tries (the event loop keeps serving), and rethrows the last busy error past the budget.
 */
export async function retryWhileBusy<T>(
  attempt: () => Promise<T> | T,
  retry: BusyRetry,
): Promise<T> {
  const start = performance.now();
  let delay = retry.firstDelayMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error) || performance.now() - start + delay > retry.budgetMs) throw error;
    }
    await sleep(delay);
    delay = Math.min(delay * 2, retry.maxDelayMs);
  }
}

// Kysely shares the one better-sqlite3 handle; a transaction owns it from BEGIN to its end, so
// statements from elsewhere wait for the gate, while a statement waiting for another process's
// lock holds nothing (a health check is not queued behind a retrying write).
class TransactionGate {
  held = false;
  #waiters: (() => void)[] = [];

  released(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  release(): void {
    this.held = false;
    for (const wake of this.#waiters.splice(0)) wake();
  }
}

function run<R>(db: SQLite.Database, query: CompiledQuery): QueryResult<R> {
  const statement = db.prepare(query.sql);
  const parameters = query.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class GatedConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(
    private readonly db: SQLite.Database,
    private readonly gate: TransactionGate,
    private readonly retry: BusyRetry,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return retryWhileBusy(() => run<R>(this.db, query), this.retry);
    return retryWhileBusy(async () => {
      // Checked and run in one synchronous step: nothing can open a transaction in between.
      while (this.gate.held) await this.gate.released();
      return run<R>(this.db, query);
    }, this.retry);
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(query);
    for (const row of rows) yield { rows: [row] };
  }

  async begin(): Promise<void> {
    await retryWhileBusy(async () => {
      while (this.gate.held) await this.gate.released();
      this.gate.held = true;
      try {
        // IMMEDIATE takes the write lock now: a deferred transaction that later needs it can
        // fail with SQLITE_BUSY_SNAPSHOT mid-way, which no statement retry can mend.
        this.db.exec('BEGIN IMMEDIATE');
      } catch (error) {
        this.gate.release();
        throw error;
      }
    }, this.retry);
    this.inTransaction = true;
  }

  async end(command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    try {
      // SQLite may already have rolled back (SQLITE_FULL, SQLITE_IOERR): a second ROLLBACK would
      // replace the error that says why with "no transaction is active".
      if (command === 'COMMIT' || this.db.inTransaction) {
        await retryWhileBusy(() => this.db.exec(command), this.retry);
      }
    } finally {
      if (command === 'ROLLBACK' || !this.db.inTransaction) this.finish();
    }
  }

  finish(): void {
    if (!this.inTransaction) return;
    this.inTransaction = false;
    this.gate.release();
  }
}

class GatedSqliteDriver implements Driver {
  constructor(
    private readonly db: SQLite.Database,
    private readonly gate: TransactionGate,
    private readonly retry: BusyRetry,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GatedConnection(this.db, this.gate, this.retry);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as GatedConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as GatedConnection).end('COMMIT');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as GatedConnection).end('ROLLBACK');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as GatedConnection).finish();
  }

  async destroy(): Promise<void> {
    this.db.close();
  }
}

/**
 * Kysely's SQLite dialect with a driver that never blocks the event loop on a lock: the
 * connection's busy timeout is 0, SQLITE_BUSY is retried asynchronously within `retry`, and
 * every transaction begins IMMEDIATE. Another process (a worker thread, `pnpm demo`, the
 * sqlite3 shell) may hold the write lock at any moment.
 */
/** How long health keeps asking for the write lock before it calls the database busy. */
const LOCK_PROBE_WINDOW_MS = 250;

export class GatedSqliteDialect extends SqliteDialect {
  constructor(
    private readonly db: SQLite.Database,
    private readonly retry: BusyRetry = defaultBusyRetry,
  ) {
    super({ database: db });
  }

  readonly #gate = new TransactionGate();

  override createDriver(): Driver {
    return new GatedSqliteDriver(this.db, this.#gate, this.retry);
  }

  /**
   * Whether this connection could take the write lock right now, asked once without waiting
   * for another process (health): BEGIN IMMEDIATE then ROLLBACK, between this handle's transactions.
   */
  async writeLockFree(): Promise<boolean> {
    // A commit holds the lock for milliseconds (the document store's thread commits while people
    // type): only a lock held through the whole window counts as taken.
    const deadline = Date.now() + LOCK_PROBE_WINDOW_MS;
    for (;;) {
      while (this.#gate.held) await this.#gate.released();
      try {
        this.db.exec('BEGIN IMMEDIATE');
        this.db.exec('ROLLBACK');
        return true;
      } catch (error) {
        if (!isSqliteBusy(error)) throw error;
      }
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
