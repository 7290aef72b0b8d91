import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One change as the journal holds it until it is in the database. */
export interface JournalRecord {
  /** Increases by one per record, for the life of the data directory. */
  seq: number;
  document: string;
  update: Uint8Array;
  createdAt: string;
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

/** The file is emptied at a flush once it is this large (everything in it is stored then). */
const TRUNCATE_AT_BYTES = 4 * 1024 * 1024;

/** A record as written: header, then seq, document, time and update (lib0 encoding). */
export function encodeRecord(record: JournalRecord): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, record.seq);
  encoding.writeVarString(encoder, record.document);
  encoding.writeVarString(encoder, record.createdAt);
  encoding.writeVarUint8Array(encoder, record.update);
  const body = encoding.toUint8Array(encoder);
  const out = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  out.writeUInt32LE(body.length, 0);
  out.writeUInt32LE(crc32(body), 4);
  out.set(body, HEADER_BYTES);
  return out;
}

/**
 * The records of a journal file, in order, up to the first one that is incomplete or does not
 * match its checksum (a write cut short by a crash): nothing after it can be trusted.
 */
export function readRecords(bytes: Uint8Array): JournalRecord[] {
  const records: JournalRecord[] = [];
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  while (pos + HEADER_BYTES <= view.length) {
    const length = view.readUInt32LE(pos);
    const start = pos + HEADER_BYTES;
    if (start + length > view.length) break;
    const body = view.subarray(start, start + length);
    if (crc32(body) !== view.readUInt32LE(pos + 4)) break;
    try {
      const decoder = decoding.createDecoder(body);
      records.push({
        seq: decoding.readVarUint(decoder),
        document: decoding.readVarString(decoder),
        createdAt: decoding.readVarString(decoder),
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
 * The write-ahead journal of document changes on SQLite. A change is appended with one
 * `write` (durable across a crash of the process once it returns: the bytes are in the
 * operating system's page cache, the same guarantee as SQLite's WAL with synchronous=NORMAL),
 * then relayed; the database gets it in the background, many changes per transaction.
 * Opening the journal first stores what a crash left in it (each record exactly once: the
 * database remembers the last sequence number it holds).
 */
export class UpdateJournal {
  private fd: number;
  private seq: number;
  private bytes = 0;
  private pending: JournalRecord[] = [];

  private constructor(
    private readonly path: string,
    private readonly store: JournalStore,
  ) {
    this.seq = this.recover();
    this.fd = openSync(path, 'a');
  }

  /** Opens the journal at `path`, storing first whatever it holds that the database lacks. */
  static open(path: string, store: JournalStore): UpdateJournal {
    return new UpdateJournal(path, store);
  }

  /** Records not yet in the database. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /**
   * Appends changes with one `write`; they are durable across a crash of the process once
   * this returns. Throws on failure (then none of them counts as written).
   */
  append(changes: readonly { document: string; update: Uint8Array }[], createdAt: string): void {
    const records = changes.map((c, i) => ({ seq: this.seq + 1 + i, createdAt, ...c }));
    const bytes =
      records.length === 1 ? encodeRecord(records[0]!) : Buffer.concat(records.map(encodeRecord));
    let written = 0;
    while (written < bytes.length)
      written += writeSync(this.fd, bytes, written, bytes.length - written);
    this.seq += records.length;
    this.bytes += bytes.length;
    this.pending.push(...records);
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
    if (this.bytes >= TRUNCATE_AT_BYTES) this.truncate();
  }

  /** Flushes, empties the file and closes it. */
  close(): void {
    this.flush();
    this.truncate();
    closeSync(this.fd);
  }

  private truncate(): void {
    ftruncateSync(this.fd, 0);
    this.bytes = 0;
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
