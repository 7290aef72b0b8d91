import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, type DataDirLock } from './data-dir-lock.js';

describe('lockDataDir', () => {
  const dirs: string[] = [];
  const locks: DataDirLock[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const lock of locks.splice(0)) lock.release();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second holder, naming the process that holds the directory', () => {
    const dir = freshDir();
    locks.push(lockDataDir(dir));
    let refused: unknown = null;
    try {
      locks.push(lockDataDir(dir));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).holderPid).toBe(process.pid);
    expect((refused as Error).message).toBe(
      `${dir} is in use by another Mesa server (process ${process.pid}); stop it or choose another DATA_DIR`,
    );
  });

  it('can be taken again once released', () => {
    const dir = freshDir();
    const first = lockDataDir(dir);
    first.release();
    first.release();
    locks.push(lockDataDir(dir));
  });

  it('leaves other directories free', () => {
    locks.push(lockDataDir(freshDir()));
    locks.push(lockDataDir(freshDir()));
  });
});
