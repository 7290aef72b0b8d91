import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { JournalKind } from '../../env.js';

/** The file the update journal appends to. */
export interface JournalFile {
  readonly kind: JournalKind;
  /**
   * Appends bytes after what is there. Once it returns they are in the operating system's page
   * cache: they survive a crash of the process (not of the machine). Throws on failure.
   */
  append(bytes: Uint8Array): void;
  /** Everything appended so far is in the database: the file may be emptied. */
  reclaim(): void;
  /** Empties the file and closes it. */
  close(): void;
}

/** The write file is emptied once it is this large (and everything in it is stored). */
const TRUNCATE_AT_BYTES = 4 * 1024 * 1024;

/** Bytes of the mapped file: at ~100 bytes a typed change, tens of thousands of changes. */
const MAPPED_BYTES = 4 * 1024 * 1024;

/** Writes all of `bytes` at `position` (null: at the end of a file opened for appending). */
function writeAll(fd: number, bytes: Uint8Array, position: number | null): void {
  let written = 0;
  while (written < bytes.length) {
    const at = position === null ? null : position + written;
    written += writeSync(fd, bytes, written, bytes.length - written, at);
  }
}

/** The file's descriptor and its closing, shared by both kinds. */
abstract class OpenFile {
  protected closed = false;

  constructor(protected readonly fd: number) {}

  /** Throws once closed: the descriptor's number may belong to another file by then. */
  protected assertOpen(): void {
    if (this.closed) throw new Error('the journal is closed');
  }

  /** Empties the file and closes it (once; later calls do nothing). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    ftruncateSync(this.fd, 0);
    closeSync(this.fd);
  }
}

/** Appends with one `write` per call (a system call per change, ~20–40 µs on the bench machine). */
class WriteJournalFile extends OpenFile implements JournalFile {
  readonly kind = 'write';
  private bytes = 0;

  constructor(path: string) {
    super(openSync(path, 'a'));
  }

  append(bytes: Uint8Array): void {
    this.assertOpen();
    writeAll(this.fd, bytes, null);
    this.bytes += bytes.length;
  }

  reclaim(): void {
    if (this.bytes < TRUNCATE_AT_BYTES || this.closed) return;
    ftruncateSync(this.fd, 0);
    this.bytes = 0;
  }
}

/** What the journal needs of `@riaskov/mmap-io`. */
interface Mmap {
  map(size: number, protection: number, flags: number, fd: number, offset?: number): Buffer;
  readonly PROT_READ: number;
  readonly PROT_WRITE: number;
  readonly MAP_SHARED: number;
}

/** Loads the optional native mmap binding; throws when it is not installed or not built. */
function loadMmap(): Mmap {
  return createRequire(import.meta.url)('@riaskov/mmap-io') as Mmap;
}

/**
 * A file of `capacity` bytes, written full of zeros when opened (so its blocks are allocated
 * then, and a full disk is an error at start, not a SIGBUS later) and mapped shared: appending
 * copies the bytes into the mapping, which is the file's page cache — the same guarantee as a
 * `write`, without a system call. What does not fit goes after it with `write`. Everything
 * after the last record is zero, which is where a reader stops; reclaiming zeroes the used part
 * (a crash halfway leaves zeros at the start: nothing to recover, and nothing was needed).
 * Closing leaves the mapping to be released when the buffer is collected; nothing touches it
 * after that (append and reclaim check `closed`).
 */
class MappedJournalFile extends OpenFile implements JournalFile {
  readonly kind = 'mapped';
  private readonly map: Buffer;
  private used = 0;

  constructor(
    path: string,
    private readonly capacity: number,
    mmap: Mmap,
  ) {
    // Called after recovery, which stored and emptied the file: truncating it loses nothing.
    super(openSync(path, 'w+'));
    try {
      writeAll(this.fd, new Uint8Array(capacity), 0);
      this.map = mmap.map(capacity, mmap.PROT_READ | mmap.PROT_WRITE, mmap.MAP_SHARED, this.fd, 0);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  append(bytes: Uint8Array): void {
    this.assertOpen();
    if (this.used + bytes.length <= this.capacity) this.map.set(bytes, this.used);
    else writeAll(this.fd, bytes, this.used);
    this.used += bytes.length;
  }

  reclaim(): void {
    // After close the file is empty: touching the mapping then would raise SIGBUS.
    if (this.used === 0 || this.closed) return;
    this.map.fill(0, 0, Math.min(this.used, this.capacity));
    if (this.used > this.capacity) ftruncateSync(this.fd, this.capacity);
    this.used = 0;
  }
}

/** The journal file that was opened and, when `mapped` was asked for but failed, why. */
export interface OpenedJournalFile {
  file: JournalFile;
  mappingError: string | null;
}

/** Options of openJournalFile; tests shrink the capacity or take the binding away. */
export interface JournalFileOptions {
  kind: JournalKind;
  capacity?: number;
  loadMmap?: () => Mmap;
}

/**
 * Opens the journal's file (empty: call it after recovery): mapped when asked and possible,
 * otherwise (no native binding, or the file could not be allocated or mapped) with `write`.
 */
export function openJournalFile(path: string, options: JournalFileOptions): OpenedJournalFile {
  if (options.kind === 'write') return { file: new WriteJournalFile(path), mappingError: null };
  try {
    const mmap = (options.loadMmap ?? loadMmap)();
    return {
      file: new MappedJournalFile(path, options.capacity ?? MAPPED_BYTES, mmap),
      mappingError: null,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { file: new WriteJournalFile(path), mappingError: reason };
  }
}
