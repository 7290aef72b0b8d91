import { statfs } from 'node:fs/promises';
import { ErrorCodes, type ErrorCode } from '@mesa/shared';
import { pingDb, type Db } from '../../db/client.js';
import type { RecentStorageFaults } from '../../db/storage-faults.js';

/** Why the server cannot do its work now, as health answers it (503 with this code and message). */
export interface HealthProblem {
  code: ErrorCode;
  message: string;
  /** Seconds after which asking again makes sense. */
  retryAfter: number;
}

// Below this much free space on the SQLite data directory's disk a commit may fail at any time.
const MIN_FREE_BYTES = 1024 * 1024;

async function diskNearlyFull(dataDir: string): Promise<boolean> {
  const stats = await statfs(dataDir).catch(() => null);
  return stats !== null && stats.bavail * stats.bsize < MIN_FREE_BYTES;
}

/**
 * What keeps the database from serving, or null: it does not answer; its write lock is held
 * elsewhere (SQLite, asked once without waiting); or its storage is full (a write met that in
 * the last seconds, or the SQLite data directory's disk has under 1 MiB free); or storing
 * documents' changes fails.
 */
export async function findHealthProblem(deps: {
  db: Db;
  dataDir: string;
  faults: RecentStorageFaults;
  /** Whether storing documents' changes fails now (they are kept and retried). */
  documentsFailing: () => boolean;
}): Promise<HealthProblem | null> {
  const { db, dataDir, faults } = deps;
  try {
    await pingDb(db);
  } catch {
    return {
      code: ErrorCodes.serviceUnavailable,
      message: 'The database does not answer.',
      retryAfter: 5,
    };
  }
  const full =
    faults.recent() === 'full' || (db.dialect === 'sqlite' && (await diskNearlyFull(dataDir)));
  if (full) {
    const message = 'The database storage is full: reads are served, writes are refused.';
    return { code: ErrorCodes.storageFull, message, retryAfter: 30 };
  }
  if (db.writeLockFree && !(await db.writeLockFree())) {
    const message = 'The database is locked by another process: reads are served, writes wait.';
    return { code: ErrorCodes.serviceUnavailable, message, retryAfter: 1 };
  }
  if (deps.documentsFailing()) {
    const message = 'Document changes cannot be stored now: they are kept and retried.';
    return { code: ErrorCodes.serviceUnavailable, message, retryAfter: 5 };
  }
  return null;
}
