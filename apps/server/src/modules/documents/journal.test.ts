import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createSqliteJournalStore, insertDocumentIfAbsent } from './documents.repository.js';
import type { JournalKind } from '../../env.js';
import {
  UpdateJournal,
  encodeRecord,
  encodeRecords,
  readRecords,
  type JournalRecord,
  type JournalStore,
} from './journal.js';

const at = Date.parse('2026-11-29T12:00:00.000Z');
const record = (seq: number, document = 'plan:a', bytes = [seq, 1, 2]): JournalRecord => ({
  seq,
  document,
  update: new Uint8Array(bytes),
  createdAt: at,
});

const change = (document: string, byte: number) => [{ document, update: new Uint8Array([byte]) }];

/** A store in memory that can be told to fail. */
function memoryStore(initialSeq = 0) {
  const rows: JournalRecord[] = [];
  let seq = initialSeq;
  let failing = false;
  const store: JournalStore = {
    storedSeq: () => seq,
    store(records) {
      if (failing) throw new Error('disk full');
      rows.push(...records);
      seq = records.at(-1)!.seq;
    },
  };
  return { store, rows, fail: (f: boolean) => (failing = f) };
}

describe('journal records', () => {
  it('read back exactly as written, in order', () => {
    const records = [record(1), record(2, 'plan:b', [9]), record(3, 'minutes:x', [])];
    const bytes = Buffer.concat(records.map(encodeRecord));
    expect(readRecords(bytes)).toEqual(records);
  });

  it('keep the byte format earlier versions wrote (their journals are recovered after an upgrade)', () => {
    // The format as first written: lib0's encoder for the body, then length and CRC-32.
    const lib0Record = (r: JournalRecord) => {
      const body = encoding.createEncoder();
      encoding.writeVarUint(body, r.seq);
      encoding.writeVarString(body, r.document);
      encoding.writeFloat64(body, r.createdAt);
      encoding.writeVarUint8Array(body, r.update);
      const bytes = encoding.toUint8Array(body);
      const header = Buffer.alloc(8);
      header.writeUInt32LE(bytes.length, 0);
      header.writeUInt32LE(crc32(bytes), 4);
      return Buffer.concat([header, bytes]);
    };
    const long = Array.from({ length: 300 }, (_, i) => i % 256);
    const records = [
      record(1),
      record(300, 'plan:ñandú-✓', long),
      record(2 ** 40 + 5, 'plan:ñandú-✓', []),
      record(7, 'minutes:m', [0]),
    ];
    const expected = Buffer.concat(records.map(lib0Record));
    expect(Buffer.from(encodeRecords(records))).toEqual(expected);
    expect(readRecords(expected)).toEqual(records);
  });

  it('stop at a record cut short by a crash, keeping the ones before it', () => {
    const whole = Buffer.concat([encodeRecord(record(1)), encodeRecord(record(2))]);
    const torn = whole.subarray(0, whole.length - 3);
    expect(readRecords(torn).map((r) => r.seq)).toEqual([1]);
    expect(readRecords(whole.subarray(0, 5))).toEqual([]);
  });

  it('stop at a record whose bytes do not match its checksum', () => {
    const first = encodeRecord(record(1));
    const second = encodeRecord(record(2));
    second[second.length - 1]! ^= 0xff;
    const third = encodeRecord(record(3));
    expect(readRecords(Buffer.concat([first, second, third])).map((r) => r.seq)).toEqual([1]);
  });

  it('refuse garbage with a plausible header without throwing', () => {
    const garbage = Buffer.from([4, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    expect(readRecords(garbage)).toEqual([]);
    expect(readRecords(Buffer.from([0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]))).toEqual([]);
  });
});

/** The records the file holds now (what a restart after a crash would find). */
const onDisk = (path: string) => readRecords(readFileSync(path));

/** A fresh journal path in its own temporary directory for each test. */
function journalPath(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mesa-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => join(dir, 'updates.journal');
}

describe.each<JournalKind>(['mapped', 'write'])('UpdateJournal (%s)', (kind) => {
  const pathOf = journalPath();
  let path: string;
  beforeEach(() => {
    path = pathOf();
  });
  const open = (store: JournalStore) => UpdateJournal.open(path, store, { kind });

  it('opens the kind asked for (the native mmap binding is installed)', () => {
    const journal = open(memoryStore().store);
    expect(journal.kind).toBe(kind);
    expect(journal.mappingError).toBeNull();
  });

  it('writes changes to the file before returning, and stores them together at a flush', () => {
    const { store, rows } = memoryStore();
    const journal = open(store);
    journal.append(change('plan:a', 1), at);
    expect(onDisk(path).map((r) => r.document)).toEqual(['plan:a']);
    journal.append([{ document: 'plan:b', update: new Uint8Array([2]) }], at);
    expect(onDisk(path).map((r) => r.document)).toEqual(['plan:a', 'plan:b']);
    expect(rows).toHaveLength(0);
    expect(journal.pendingCount).toBe(2);
    journal.flush();
    expect(rows.map((r) => [r.seq, r.document])).toEqual([
      [1, 'plan:a'],
      [2, 'plan:b'],
    ]);
    expect(journal.pendingCount).toBe(0);
  });

  it('after a crash, stores on opening what the database lacks, each record once', () => {
    const first = memoryStore();
    const crashed = open(first.store);
    crashed.append(change('plan:a', 1), at);
    crashed.append(change('plan:a', 2), at);
    crashed.flush(); // 1 and 2 reach the database
    crashed.append(change('plan:a', 3), at);
    crashed.append(change('plan:a', 4), at);
    // The process dies here: 3 and 4 are only in the file.

    const { store, rows } = memoryStore(first.store.storedSeq());
    const reopened = open(store);
    expect(rows.map((r) => [...r.update])).toEqual([[3], [4]]);
    expect(onDisk(path)).toEqual([]);
    reopened.append(change('plan:a', 5), at);
    reopened.flush();
    expect(rows.map((r) => r.seq)).toEqual([3, 4, 5]);
  });

  it('ignores a torn last record on opening (it was never relayed)', () => {
    writeFileSync(path, Buffer.concat([encodeRecord(record(1)), encodeRecord(record(2))]));
    appendFileSync(path, encodeRecord(record(3)).subarray(0, 6));
    const { store, rows } = memoryStore();
    open(store);
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
  });

  it('numbers the changes of one append in order', () => {
    const { store, rows } = memoryStore(41);
    const journal = open(store);
    journal.append([...change('plan:a', 1), ...change('plan:b', 2), ...change('plan:a', 3)], at);
    expect(onDisk(path).map((r) => r.seq)).toEqual([42, 43, 44]);
    journal.flush();
    expect(rows.map((r) => [r.seq, r.document, r.update[0]])).toEqual([
      [42, 'plan:a', 1],
      [43, 'plan:b', 2],
      [44, 'plan:a', 3],
    ]);
  });

  it('keeps records pending when the database refuses them, and stores them on the next flush', () => {
    const { store, rows, fail } = memoryStore();
    const journal = open(store);
    journal.append(change('plan:a', 1), at);
    fail(true);
    expect(() => journal.flush()).toThrow('disk full');
    expect(journal.pendingCount).toBe(1);
    journal.append(change('plan:a', 2), at);
    fail(false);
    journal.flush();
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
  });

  it('empties the file when it closes, after storing everything', () => {
    const { store, rows } = memoryStore();
    const journal = open(store);
    journal.append(change('plan:a', 1), at);
    journal.close();
    expect(rows).toHaveLength(1);
    expect(statSync(path).size).toBe(0);
  });

  it('refuses changes once closed, and a flush then does nothing', () => {
    const journal = open(memoryStore().store);
    journal.close();
    expect(() => journal.append(change('plan:a', 1), at)).toThrow('the journal is closed');
    expect(() => journal.flush()).not.toThrow();
    expect(statSync(path).size).toBe(0);
  });

  it('after a flush, a crash leaves only the records appended since (nothing stale)', () => {
    const first = memoryStore();
    const journal = open(first.store);
    for (let i = 1; i <= 50; i++) journal.append(change('plan:a', i), at);
    journal.flush();
    journal.append(change('plan:b', 51), at);
    // The process dies here.
    const { store, rows } = memoryStore(first.store.storedSeq());
    open(store);
    expect(rows.map((r) => [r.seq, r.document])).toEqual([[51, 'plan:b']]);
  });
});

describe('the mapped journal file', () => {
  const pathOf = journalPath();
  let path: string;
  beforeEach(() => {
    path = pathOf();
  });

  it('is allocated whole when opened, zeros after the last record', () => {
    const journal = UpdateJournal.open(path, memoryStore().store, {
      kind: 'mapped',
      capacity: 4096,
    });
    expect(statSync(path).size).toBe(4096);
    journal.append(change('plan:a', 1), at);
    const bytes = readFileSync(path);
    const end = encodeRecord(onDisk(path)[0]!).length;
    expect(bytes.subarray(end).every((b) => b === 0)).toBe(true);
  });

  it('goes on with write past its capacity, and a crash there loses nothing', () => {
    const first = memoryStore();
    const journal = UpdateJournal.open(path, first.store, { kind: 'mapped', capacity: 256 });
    const big = (i: number) => [{ document: 'plan:a', update: new Uint8Array(40).fill(i) }];
    for (let i = 1; i <= 20; i++) journal.append(big(i), at);
    expect(statSync(path).size).toBeGreaterThan(256);
    // The process dies here: records 1–20 straddle the mapping's end.
    const { store, rows } = memoryStore();
    UpdateJournal.open(path, store, { kind: 'mapped', capacity: 256 });
    expect(rows.map((r) => [r.seq, r.update[0]])).toEqual(
      Array.from({ length: 20 }, (_, i) => [i + 1, i + 1]),
    );
  });

  it('shrinks back to its capacity once what went past it is stored', () => {
    const { store } = memoryStore();
    const journal = UpdateJournal.open(path, store, { kind: 'mapped', capacity: 256 });
    for (let i = 1; i <= 20; i++) journal.append(change('plan:a', i), at);
    journal.flush();
    expect(statSync(path).size).toBe(256);
    expect(onDisk(path)).toEqual([]);
    journal.append(change('plan:a', 21), at);
    expect(onDisk(path).map((r) => r.seq)).toEqual([21]);
  });

  it('falls back to write, saying why, when the native binding cannot be loaded', () => {
    const { store, rows } = memoryStore();
    const journal = UpdateJournal.open(path, store, {
      kind: 'mapped',
      loadMmap: () => {
        throw new Error("Cannot find module '@riaskov/mmap-io'");
      },
    });
    expect(journal.kind).toBe('write');
    expect(journal.mappingError).toBe("Cannot find module '@riaskov/mmap-io'");
    journal.append(change('plan:a', 1), at);
    expect(onDisk(path).map((r) => r.seq)).toEqual([1]);
    journal.flush();
    expect(rows).toHaveLength(1);
  });
});

describe('the SQLite journal store', () => {
  let dir: string;
  let db: Db;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mesa-journal-store-'));
    db = await openDb({ databaseUrl: null, dataDir: dir });
    await migrateToLatest(db);
    await insertDocumentIfAbsent(db.kysely, {
      name: 'plan:a',
      kind: 'plan',
      created_at: new Date(at).toISOString(),
    });
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores records and the last sequence number in one transaction', () => {
    const sqlite = db.sqlite!;
    const store = createSqliteJournalStore(sqlite);
    expect(store.storedSeq()).toBe(0);
    store.store([record(1), record(2)]);
    expect(store.storedSeq()).toBe(2);
    const rows = sqlite
      .prepare('select document, "update", created_at from document_updates order by id')
      .all();
    expect(rows).toEqual([
      {
        document: 'plan:a',
        update: Buffer.from([1, 1, 2]),
        created_at: '2026-11-29T12:00:00.000Z',
      },
      {
        document: 'plan:a',
        update: Buffer.from([2, 1, 2]),
        created_at: '2026-11-29T12:00:00.000Z',
      },
    ]);
  });

  it('skips changes of a document deleted meanwhile, and stores the rest', () => {
    const sqlite = db.sqlite!;
    const store = createSqliteJournalStore(sqlite);
    store.store([record(1, 'plan:gone'), record(2)]);
    expect(store.storedSeq()).toBe(2);
    expect(sqlite.prepare('select document from document_updates').all()).toEqual([
      { document: 'plan:a' },
    ]);
  });

  it('stores nothing, not even the sequence number, when a record fails', () => {
    const sqlite = db.sqlite!;
    sqlite.exec(`create trigger refuse before insert on document_updates
      when new."update" = x'020102' begin select raise(abort, 'refused'); end;`);
    const store = createSqliteJournalStore(sqlite);
    expect(() => store.store([record(1), record(2)])).toThrow('refused');
    expect(store.storedSeq()).toBe(0);
    expect(sqlite.prepare('select count(*) as n from document_updates').get()).toEqual({ n: 0 });
  });
});
