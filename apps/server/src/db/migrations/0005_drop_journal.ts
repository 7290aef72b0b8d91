import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import * as decoding from 'lib0/decoding';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../client.js';

/** The file the memory-mapped update journal of earlier builds kept in the data directory. */
export const LEGACY_JOURNAL_FILE = 'document-updates.journal';

/** Length and CRC-32 of a record's body, both little-endian u32. */
const HEADER_BYTES = 8;

interface LegacyRecord {
  seq: number;
  document: string;
  createdAt: number;
  update: Uint8Array;
}

/**
 * The records of a journal file in order, up to the first one that is empty (the zeros after
 * the last record of a mapped file), incomplete or fails its checksum (a write cut short by a
 * crash): nothing after it can be trusted — and none of it was ever acknowledged.
 */
export function readLegacyJournal(bytes: Buffer): LegacyRecord[] {
  const records: LegacyRecord[] = [];
  let pos = 0;
  while (pos + HEADER_BYTES <= bytes.length) {
    const length = bytes.readUInt32LE(pos);
    const start = pos + HEADER_BYTES;
    if (length === 0 || start + length > bytes.length) break;
    const body = bytes.subarray(start, start + length);
    if (crc32(body) !== bytes.readUInt32LE(pos + 4)) break;
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

async function storeLeftRecords(db: Kysely<unknown>, dataDir: string): Promise<void> {
  const path = join(dataDir, LEGACY_JOURNAL_FILE);
  if (!existsSync(path)) return;
  const { rows } = await sql<{ seq: number }>`
    select seq from journal_checkpoints where name = 'document_updates'`.execute(db);
  const stored = Number(rows[0]?.seq ?? 0);
  for (const r of readLegacyJournal(readFileSync(path)).filter((r) => r.seq > stored))
    await sql`insert into document_updates (document, "update", created_at)
      select ${r.document}, ${r.update}, ${new Date(r.createdAt).toISOString()}
      where exists (select 1 from documents where name = ${r.document})`.execute(db);
}

/**
 * Retires the update journal: the changes a crash of an earlier build left in its file beyond
 * the database's checkpoint are stored first (upgrading loses nothing acknowledged), then the
 * checkpoint table goes. The file itself is deleted after the migrations commit
 * (removeLegacyJournal), so a failed migration can run again from it.
 */
export function dropJournal(dialect: Dialect, dataDir: string) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') await storeLeftRecords(db, dataDir);
      await db.schema.dropTable('journal_checkpoints').ifExists().execute();
    },
  };
}
