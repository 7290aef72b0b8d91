import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import SQLite from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import { openDbMigratedTo, sql } from '@mesa/server/testing/migrations';
import { startServer } from '../helpers/server.js';
import { createPersonOn } from '../helpers/people.js';
import { connectEditor, planText, waitFor, type TestEditor } from '../helpers/collab.js';

/** One record as the update journal of earlier builds wrote it (header, then the body). */
function journalRecord(seq: number, document: string, update: Uint8Array): Buffer {
  const body = encoding.createEncoder();
  encoding.writeVarUint(body, seq);
  encoding.writeVarString(body, document);
  encoding.writeFloat64(body, Date.now());
  encoding.writeVarUint8Array(body, update);
  const bytes = encoding.toUint8Array(body);
  const header = Buffer.alloc(8);
  header.writeUInt32LE(bytes.length, 0);
  header.writeUInt32LE(crc32(bytes), 4);
  return Buffer.concat([header, bytes]);
}

/** A paragraph with `text`, as an update of its own. */
function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([p]);
  return Y.encodeStateAsUpdate(doc);
}

describe('upgrading from a build with the update journal', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-upgrade-'));
  const editors: TestEditor[] = [];
  afterAll(() => {
    for (const e of editors) e.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * The database as the journal's build left it (migrated up to 0004, seeded, with its
   * checkpoint): one program and its plan, written in that build's columns.
   */
  async function journalBuildDatabase(programId: string): Promise<void> {
    const db = await openDbMigratedTo({ dataDir, databaseUrl: null }, '0004_journal');
    const at = new Date().toISOString();
    try {
      for (const statement of [
        sql`insert into meta (key, value) values ('seed_version', '1')`,
        sql`insert into components (id, title_en, title_es, position)
          values ('A', 'Combating crime', 'Combate al delito', 1)`,
        sql`insert into programs (id, code, title_en, title_es, component_id,
            priority_confidence, confidence, created_at, updated_at)
          values (${programId}, 'ZJ1', 'Journal program', 'Programa del diario', 'A',
            'not_documented', 'documented', ${at}, ${at})`,
        sql`insert into documents (name, kind, created_at)
          values (${planDocumentName(programId)}, 'plan', ${at})`,
        sql`insert into journal_checkpoints (name, seq) values ('document_updates', 1)`,
      ])
        await statement.execute(db.kysely);
    } finally {
      await db.close();
    }
  }

  it('stores the changes a crash left in the journal beyond its checkpoint, once, then drops it', async () => {
    const programId = 'journalprogram';
    const name = planDocumentName(programId);
    await journalBuildDatabase(programId);
    // Record 1 is stored already (at the checkpoint); 2 and 3 are not; the torn tail is ignored.
    const journal = Buffer.concat([
      journalRecord(1, name, paragraphUpdate('stored before the crash')),
      journalRecord(2, name, paragraphUpdate('left in the journal')),
      journalRecord(3, name, paragraphUpdate('also left in the journal')),
      journalRecord(4, name, paragraphUpdate('torn')).subarray(0, 20),
    ]);
    writeFileSync(join(dataDir, 'document-updates.journal'), journal);

    const upgraded = await startServer({ dataDir });
    try {
      const writer = await createPersonOn(upgraded, { programId, relation: 'lead' });
      expect(existsSync(join(dataDir, 'document-updates.journal'))).toBe(false);
      const reader = connectEditor(upgraded, writer, name);
      editors.push(reader);
      await waitFor(() => reader.provider.synced, 10_000, 'sync');
      const text = planText(reader.doc);
      expect(text).toContain('left in the journal');
      expect(text).toContain('also left in the journal');
      expect(text).not.toContain('stored before the crash');
      expect(text).not.toContain('torn');
      const check = new SQLite(join(dataDir, 'mesa.sqlite'), { readonly: true });
      const tables = check
        .prepare(`select name from sqlite_master where name = 'journal_checkpoints'`)
        .all();
      check.close();
      expect(tables).toEqual([]);
    } finally {
      await upgraded.close();
    }
  });
});
