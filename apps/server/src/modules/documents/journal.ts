import { closeSync, existsSync, ftruncateSync, openSync, readFileSync } from 'node:fs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { crc32 } from '../../lib/crc32.js';
import type { JournalKind } from '../../env.js';
import { openJournalFile, type JournalFile, type JournalFileOptions } from './journal-file.js';

/** One change as the journal holds it until it is in the database. */
export interface JournalRecord {
  /** Increases by one per record, for the life of the data directory. */
  seq: number;
  document: string;
  update: Uint8Array;
  /** When the change was accepted, in milliseconds since the epoch. */
  createdAt: number;
}

/** Where flushed records go: the database (SQLite), one transaction per flush. */
export interface JournalStore {
  /** The highest sequence number already stored (0 when none). */
  storedSeq(): number;
  /**
   * Inserts the records of documents that still exist and records the last sequence number,
   * atomically: after a crash either all of them and the number are stored, or neither.
   */
  store(records: readonly JournalRecord[]): void;
}

/** Length and CRC-32 of the body, both little-endian u32. */
const HEADER_BYTES = 8;

/**
 * Records as written, back to back: each a header (length and CRC-32 of its body), then the
 * body: seq, document, time (float64 ms) and update (lib0 encoding). One buffer, encoded in one pass: the
 * first change of a tick waits for this before it is relayed.
 */
export function encodeRecords(records: readonly JournalRecord[]): Uint8Array {
  const encoder = encoding.createEncoder();
  const starts: number[] = [];
  for (const record of records) {
    starts.push(encoding.length(encoder));
    encoding.writeUint32(encoder, 0); // length and checksum, set below
    encoding.writeUint32(encoder, 0);
    encoding.writeVarUint(encoder, record.seq);
    encoding.writeVarString(encoder, record.document);
    encoding.writeFloat64(encoder, record.createdAt);
    encoding.writeVarUint8Array(encoder, record.update);
  }
  const out = encoding.toUint8Array(encoder);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  starts.push(out.length);
  for (let i = 0; i < records.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1]!;
    view.setUint32(start, end - start - HEADER_BYTES, true);
    view.setUint32(start + 4, crc32(out.subarray(start + HEADER_BYTES, end)), true);
  }
  return out;
}

/** One record as written. */
export const encodeRecord = (record: JournalRecord): Uint8Array => encodeRecords([record]);

/**
 * The records of a journal file, in order, up to the first one that is empty (the zeros after
 * the last record of a mapped file), incomplete or does not match its checksum (a write cut
 * short by a crash): nothing after it can be trusted.
 */
export function readRecords(bytes: Uint8Array): JournalRecord[] {
  const records: JournalRecord[] = [];
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  while (pos + HEADER_BYTES <= view.length) {
    const length = view.readUInt32LE(pos);
    if (length === 0) break;
    const start = pos + HEADER_BYTES;
    if (start + length > view.length) break;
    const body = view.subarray(start, start + length);
    if (crc32(body) !== view.readUInt32LE(pos + 4)) break;
    try {
      const decoder = decoding.createDecoder(body);
      records.push({
        seq: decoding.readVarUint(decoder),
        document: decoding.readVarString(decoder),
        createdAt: decoding.readFloat64(decoder),
        update: Uint8Array.from(decoding.readVarUint8Array(decoder)),
      });
    } catch {
      break;
    }
    pos = start + length;
  }
  return records;
}

/**
 * The write-ahead journal of document changes on SQLite. A change is appended to its file
 * (durable across a crash of the process once that returns: the bytes are in the operating
 * system's page cache, the same guarantee as SQLite's WAL with synchronous=NORMAL), then
 * relayed; the database gets it in the background, many changes per transaction. Opening the
 * journal first stores what a crash left in it (each record exactly once: the database
 * remembers the last sequence number it holds).
 */
export class UpdateJournal {
  private readonly file: JournalFile;
  /** Why the file is not memory-mapped although that was asked for (null when it is). */
  readonly mappingError: string | null;
  private seq: number;
  private pending: JournalRecord[] = [];

  private constructor(
    private readonly path: string,
    private readonly store: JournalStore,
    options: JournalFileOptions,
  ) {
    this.seq = this.recover();
    ({ file: this.file, mappingError: this.mappingError } = openJournalFile(path, options));
  }

  /**
   * Opens the journal at `path`, storing first whatever it holds that the database lacks; its
   * file is memory-mapped unless `kind` is `write` or mapping is not possible here.
   */
  static open(
    path: string,
    store: JournalStore,
    options: JournalFileOptions = { kind: 'mapped' },
  ): UpdateJournal {
    return new UpdateJournal(path, store, options);
  }

  /** How records reach the file. */
  get kind(): JournalKind {
    return this.file.kind;
  }

  /** Records not yet in the database. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /**
   * Appends changes to the file in one piece; they are durable across a crash of the process
   * once this returns. Throws on failure (then none of them counts as written).
   */
  append(changes: readonly { document: string; update: Uint8Array }[], createdAt: number): void {
    let seq = this.seq;
    const records = changes.map((c): JournalRecord => ({
      seq: ++seq,
      document: c.document,
      update: c.update,
      createdAt,
    }));
    this.file.append(encodeRecords(records));
    this.seq = seq;
    for (const record of records) this.pending.push(record);
  }

  /**
   * Stores every pending record in one transaction. Must run where no other transaction is
   * open on the connection (the caller holds it). On failure the records stay pending (and in
   * the file) and the error is thrown; the next flush tries again.
   */
  flush(): void {
    if (this.pending.length > 0) {
      this.store.store(this.pending);
      this.pending = [];
    }
    // Everything in the file is stored now.
    this.file.reclaim();
  }

  /** Flushes, empties the file and closes it. */
  close(): void {
    this.flush();
    this.file.close();
  }

  /** Stores what the file holds beyond the database, empties it; returns the last seq. */
  private recover(): number {
    const stored = this.store.storedSeq();
    if (!existsSync(this.path)) return stored;
    const records = readRecords(readFileSync(this.path));
    const missing = records.filter((r) => r.seq > stored);
    if (missing.length > 0) this.store.store(missing);
    const fd = openSync(this.path, 'r+');
    try {
      ftruncateSync(fd, 0);
    } finally {
      closeSync(fd);
    }
    return Math.max(stored, records.at(-1)?.seq ?? 0);
  }
}
