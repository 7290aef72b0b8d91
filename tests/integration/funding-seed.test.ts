import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CommitmentRecordListSchema } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs } from '../helpers/people.js';

// The documented commitments are seeded once per database: on a new one, on one prepared before
// the funding seed existed (an upgrade), never twice — also with a second server on the same
// database (PostgreSQL: side by side; SQLite: one after the other on the same data directory).
describe.each(dialects)('the funding seed on %s', (dialect) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-funding-seed-'));
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers.reverse()) await s.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });
  const seeded = async (server: TestServer) => {
    const rows = await server.app.ctx.db
      .selectFrom('commitment_records')
      .select('seed_key')
      .where('seed_key', 'is not', null)
      .execute();
    return rows.length;
  };
  const another = async (first: TestServer) => {
    if (dialect === 'postgres') {
      const s = await startServer({ env: { DATABASE_URL: first.config.databaseUrl! } });
      servers.push(s);
      return s;
    }
    await first.app.close();
    const s = await startServer({ dialect, dataDir });
    servers.push(s);
    return s;
  };

  it('seeds a new database, marks the World Bank conflict, and never seeds twice', async () => {
    const first = await startServer({ dialect, dataDir });
    servers.push(first);
    expect(await seeded(first)).toBe(14);

    const reader = await createPersonOn(first);
    const res = await fetchAs(first, reader, '/api/funding/records?strategyWide=true');
    const { records } = CommitmentRecordListSchema.parse(await res.json());
    const worldBank = records.filter((r) => r.donor.name.en === 'World Bank');
    expect(worldBank).toHaveLength(2);
    expect(worldBank.every((r) => r.conflicting)).toBe(true);
    const [main] = worldBank.filter((r) => r.alternativeOfId === null);
    const [alternative] = worldBank.filter((r) => r.alternativeOfId !== null);
    expect(alternative!.alternativeOfId).toBe(main!.id);
    expect(main!.transactions[0]).toMatchObject({ type: 'pledge', amount: '1000000000.00' });
    expect(alternative!.figures).toMatchObject({ pledged: '1500000000.00', funding: '0.00' });
    expect(main!.sourceUrl).toMatch(/^https:\/\/americaeconomia\.com\//);
    expect(records.every((r) => r.createdBy === null || r.createdBy.id !== reader.userId)).toBe(
      true,
    );

    // An upgrade: the database was seeded before the funding seed existed.
    const db = first.app.ctx.db;
    await db.deleteFrom('funding_changes').execute();
    await db.deleteFrom('funding_transactions').execute();
    await db.updateTable('commitment_records').set({ alternative_of_id: null }).execute();
    await db.deleteFrom('commitment_records').execute();
    await db.deleteFrom('meta').where('key', '=', 'funding_seed_version').execute();

    const second = await another(first);
    expect(await seeded(second)).toBe(14);
    const third = await another(second);
    expect(await seeded(third)).toBe(14);
    const history = await third.app.ctx.db
      .selectFrom('funding_changes')
      .select('action')
      .where('actor_id', 'is', null)
      .execute();
    expect(history).toHaveLength(28);
  });
});
