import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdSqliteWriteLock, type SqliteLockHolder } from '../testing/sqlite.js';
import { applySqlitePragmas } from './sqlite-pragmas.js';
import { GatedSqliteDialect } from './sqlite-driver.js';

interface Tables {
  notes: { id: number; text: string };
}

describe('GatedSqliteDialect', () => {
  let dir: string;
  let raw: SQLite.Database;
  let db: Kysely<Tables>;
  let lock: SqliteLockHolder | null;
  let dialect: GatedSqliteDialect;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mesa-driver-'));
    raw = new SQLite(join(dir, 'mesa.sqlite'));
    applySqlitePragmas(raw);
    dialect = new GatedSqliteDialect(raw, { firstDelayMs: 2, maxDelayMs: 20, budgetMs: 300 });
    db = new Kysely<Tables>({ dialect });
    await sql`create table notes (id integer primary key, text text not null)`.execute(db);
    lock = null;
  });
  afterEach(async () => {
    lock?.release();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const notes = async () =>
    (await db.selectFrom('notes').select('text').execute()).map((r) => r.text);

  it('sets WAL, synchronous=FULL and no busy wait on the connection', () => {
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(raw.pragma('busy_timeout', { simple: true })).toBe(0);
  });

  it('rethrows SQLITE_BUSY once the retry budget is spent, while reads go on', async () => {
    lock = holdSqliteWriteLock(dir);
    const write = db.insertInto('notes').values({ id: 1, text: 'a' }).execute();
    expect(await notes()).toEqual([]);
    await expect(write).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 2, text: 'b' }).execute();
    });
    await expect(transaction).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(await dialect.writeLockFree()).toBe(false);
    lock.release();
    expect(await dialect.writeLockFree()).toBe(true);
    expect(await notes()).toEqual([]);
  });

  it('completes a write and a transaction whose lock is released within the budget', async () => {
    lock = holdSqliteWriteLock(dir);
    const write = db.insertInto('notes').values({ id: 1, text: 'a' }).execute();
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 2, text: 'b' }).execute();
      await trx.insertInto('notes').values({ id: 3, text: 'c' }).execute();
    });
    // Another process lets go while both are retrying (the budget is 300 ms).
    setTimeout(() => lock?.release(), 50);
    await Promise.all([write, transaction]);
    expect((await notes()).sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps the error that ended a transaction and stores none of it', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 1, text: 'a' }).execute();
      await trx.insertInto('notes').values({ id: 1, text: 'again' }).execute();
    });
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(await notes()).toEqual([]);
    await db.insertInto('notes').values({ id: 1, text: 'later' }).execute();
    expect(await notes()).toEqual(['later']);
  });

  it('answers SQLITE_FULL, not a rollback error, when the file cannot grow', async () => {
    const pages = Number(raw.pragma('page_count', { simple: true }));
    raw.pragma(`max_page_count = ${pages}`);
    const big = 'x'.repeat(64 * 1024);
    const filling = db.transaction().execute(async (trx) => {
      for (let id = 1; id <= 4; id += 1)
        await trx.insertInto('notes').values({ id, text: big }).execute();
    });
    await expect(filling).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    raw.pragma('max_page_count = 1073741823');
    expect(await notes()).toEqual([]);
  });
});
