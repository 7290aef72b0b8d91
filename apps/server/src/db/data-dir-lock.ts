import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';

/** The lock file in DATA_DIR; the holder's pid is written beside it (`server.lock.pid`). */
export const LOCK_FILE = 'server.lock';

/** Thrown when another process holds DATA_DIR; the message is the one line to print. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | null,
  ) {
    const who = holderPid === null ? 'another process' : `process ${holderPid}`;
    super(
      `${dataDir} is in use by another Mesa server (${who}); stop it or choose another DATA_DIR`,
    );
  }
}

/** A held lock on DATA_DIR; `release` is idempotent. */
export interface DataDirLock {
  release(): void;
}

function readHolderPid(pidFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * Takes the exclusive lock on a SQLite DATA_DIR for the life of this process, or throws
 * DataDirLockedError. The lock is SQLite's own on a small file of its own: an exclusive write
 * transaction kept open (`locking_mode=EXCLUSIVE`, `BEGIN EXCLUSIVE`), which is a POSIX record
 * lock, so the operating system drops it when the process dies — a restart after SIGKILL is
 * never blocked, and nothing has to guess whether a pid file is stale. The pid beside it only
 * names the holder in the message. Tools that only read and write the database (`pnpm demo`)
 * take no lock: SQLite's own locking keeps them safe beside a running server.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(join(dataDir, LOCK_FILE));
  const pidFile = `${file}.pid`;
  const lock = new SQLite(file, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // Nothing is ever written: no journal file beside the lock.
    lock.pragma('journal_mode = MEMORY');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (isBusy(error)) throw new DataDirLockedError(dataDir, readHolderPid(pidFile));
    throw error;
  }
  writeFileSync(pidFile, `${process.pid}\n`);
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      // The pid file first: once the lock is gone, a new holder may write its own.
      rmSync(pidFile, { force: true });
      lock.close();
    },
  };
}
