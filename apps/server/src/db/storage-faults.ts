/**
 * What kept the database from doing its part, when it is the storage's state and not a bug:
 * `busy` (another writer holds the lock; retry soon) or `full` (no space left to write).
 */
export type StorageFault = 'busy' | 'full';

// PostgreSQL SQLSTATEs: 53100 disk_full; 53300 too_many_connections, 57P03 cannot_connect_now
// and 55P03 lock_not_available pass when the server or the other holder lets go.
const postgresFaults: Record<string, StorageFault> = {
  '53100': 'full',
  '53300': 'busy',
  '57P03': 'busy',
  '55P03': 'busy',
};

/** Whether an error thrown by better-sqlite3 means "locked by another connection". */
export function isSqliteBusy(error: unknown): boolean {
  const code = codeOf(error);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** The storage fault an error thrown by either database driver stands for, or null. */
export function storageFaultOf(error: unknown): StorageFault | null {
  const code = codeOf(error);
  if (code === 'SQLITE_FULL') return 'full';
  if (isSqliteBusy(error)) return 'busy';
  return postgresFaults[code] ?? null;
}

function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('code' in error)) return '';
  return typeof error.code === 'string' ? error.code : '';
}

/**
 * The last storage fault a request met, so health can say what writers see (a full disk on a
 * PostgreSQL server is only known from a write that failed). Forgotten after `windowMs`.
 */
export class RecentStorageFaults {
  #last: { fault: StorageFault; at: number } | null = null;

  constructor(private readonly windowMs = 30_000) {}

  /** Records a fault met now. */
  note(fault: StorageFault, at = Date.now()): void {
    this.#last = { fault, at };
  }

  /** Forgets the fault: a write went through since. */
  clear(): void {
    this.#last = null;
  }

  /** The fault met within the window, or null. */
  recent(now = Date.now()): StorageFault | null {
    if (!this.#last || now - this.#last.at > this.windowMs) return null;
    return this.#last.fault;
  }
}
