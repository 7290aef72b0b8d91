import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/schema.js';
import { UpdateJournal, type JournalRecord } from '../../modules/documents/journal.js';
import { LiveDocument } from './document.js';
import { JOURNAL_MAX_DELAY_MS, JOURNAL_QUIET_MS, Persistence } from './persistence.js';

/**
 * When journaled changes reach the database (SQLite). Durability does not depend on it (the
 * journal's `write` gives that); it decides how many transactions typing costs the server.
 */
describe('journal flushes', () => {
  let dir: string;
  let stored: JournalRecord[];
  let journal: UpdateJournal;
  let doc: LiveDocument;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    dir = mkdtempSync(join(tmpdir(), 'mesa-persistence-'));
    stored = [];
    journal = UpdateJournal.open(join(dir, 'journal'), {
      storedSeq: () => stored.at(-1)?.seq ?? 0,
      store: (records) => void stored.push(...records),
    });
    // Only the journal flush uses the database here: it holds the connection, then flushes.
    const db = {
      connection: () => ({ execute: (fn: () => Promise<void>) => fn() }),
    } as unknown as Kysely<Database>;
    const persistence = new Persistence({
      db,
      journal,
      now: () => new Date(),
      onFailure: (_doc, error) => {
        throw error;
      },
      onError: (error) => {
        throw error;
      },
    });
    // An automatic version was just saved, so none is due: nothing but the journal is written.
    doc = new LiveDocument(
      'plan:test',
      { state: null, rows: 1, lastAutoVersionAt: Date.now() },
      (d, update, origin) => persistence.enqueue(d, update, origin),
    );
  });

  afterEach(() => {
    doc.destroy();
    journal.close();
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Types one character, then lets `ms` pass (timers included). */
  async function type(ms: number) {
    doc.ydoc.getText('t').insert(0, 'a');
    await vi.advanceTimersByTimeAsync(ms);
  }

  it('waits for a pause in the typing, then stores every change in one flush', async () => {
    for (let i = 0; i < 6; i++) await type(50);
    expect(stored).toHaveLength(0);
    expect(journal.pendingCount).toBe(6);

    await vi.advanceTimersByTimeAsync(JOURNAL_QUIET_MS);
    expect(stored).toHaveLength(6);
    expect(journal.pendingCount).toBe(0);
  });

  it('does not let changes wait longer than the maximum while typing goes on', async () => {
    const flushSizes: number[] = [];
    let before = 0;
    for (let i = 0; i < 50; i++) {
      await type(50); // 2.5 s of typing, never a pause of JOURNAL_QUIET_MS
      if (stored.length !== before) flushSizes.push(stored.length - before);
      before = stored.length;
    }
    // One flush per JOURNAL_MAX_DELAY_MS of typing, each holding that second's changes.
    expect(flushSizes).toHaveLength(2);
    for (const size of flushSizes) expect(size).toBe(JOURNAL_MAX_DELAY_MS / 50);
    await vi.advanceTimersByTimeAsync(JOURNAL_QUIET_MS);
    expect(stored).toHaveLength(50);
  });
});
