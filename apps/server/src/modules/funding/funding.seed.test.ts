import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMeta } from '../../db/meta.repository.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import {
  FUNDING_SEED_KEY,
  loadFundingSeedData,
  seedFunding,
  seedValueDate,
} from './funding.seed.js';
import { getRecord } from './records.service.js';

describe('the funding seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const seededRecords = () =>
    t.app.ctx.db
      .selectFrom('commitment_records as r')
      .innerJoin('organizations as o', 'o.id', 'r.donor_organization_id')
      .leftJoin('programs as p', 'p.id', 'r.program_id')
      .select([
        'r.id',
        'r.seed_key',
        'r.conflicting',
        'r.alternative_of_id',
        'r.created_by',
        'r.description_en',
        'o.name_en as donor',
        'p.code',
      ])
      .where('r.seed_key', 'is not', null)
      .execute();

  it('adds every documented commitment once, with the meta key, when the database is prepared', async () => {
    const rows = await seededRecords();
    expect(rows).toHaveLength(loadFundingSeedData().records.length);
    expect(rows).toHaveLength(14);
    expect(await readMeta(t.app.ctx.db, FUNDING_SEED_KEY)).toBe('1');
    expect(rows.every((r) => r.created_by === null)).toBe(true);
  });

  it('runs once: a second run (or a concurrent one) adds nothing', async () => {
    const results = await Promise.all([
      seedFunding(t.app.ctx.db, { now: new Date() }),
      seedFunding(t.app.ctx.db, { now: new Date() }),
    ]);
    expect(results).toEqual([false, false]);
    expect(await seededRecords()).toHaveLength(14);
  });

  it('seeds a database prepared before the funding seed existed, exactly once', async () => {
    const db = t.app.ctx.db;
    await db.deleteFrom('funding_changes').execute();
    await db.deleteFrom('funding_transactions').execute();
    await db.updateTable('commitment_records').set({ alternative_of_id: null }).execute();
    await db.deleteFrom('commitment_records').execute();
    await db.deleteFrom('meta').where('key', '=', FUNDING_SEED_KEY).execute();
    const results = await Promise.all([
      seedFunding(db, { now: new Date() }),
      seedFunding(db, { now: new Date() }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await seededRecords()).toHaveLength(14);
  });

  it('marks both World Bank figures conflicting, the second an alternative of the first', async () => {
    const rows = (await seededRecords()).filter((r) => r.donor === 'World Bank');
    const first = rows.find((r) => r.seed_key === 'esca-2011-world-bank-1000m')!;
    const second = rows.find((r) => r.seed_key === 'esca-2011-world-bank-1500m')!;
    expect([first.conflicting, second.conflicting]).toEqual([1, 1]);
    expect(first.alternative_of_id).toBeNull();
    expect(second.alternative_of_id).toBe(first.id);
  });

  it('maps donors and projects: joint donors under the first, BB1 inferred, strategy-wide without program', async () => {
    const rows = await seededRecords();
    const byKey = new Map(rows.map((r) => [r.seed_key, r]));
    expect(byKey.get('esca-2013-ba1-netherlands-finland')).toMatchObject({
      donor: 'Netherlands',
      code: 'BA1',
    });
    expect(byKey.get('esca-2013-ba1-netherlands-finland')!.description_en).toContain(
      'not documented',
    );
    expect(byKey.get('esca-2015-bb1-spain-aecid-6m')).toMatchObject({
      donor: 'Spain',
      code: 'BB1',
    });
    expect(byKey.get('esca-2015-bb1-spain-aecid-6m')!.description_en).toContain('inferred');
    expect(byKey.get('esca-2011-idb-500m')).toMatchObject({
      donor: 'Inter-American Development Bank',
      code: null,
    });
    expect(byKey.get('esca-2017-ac1-sica-500k-eur')).toMatchObject({
      donor: 'SICA General Secretariat',
      code: 'AC1',
    });
  });

  it('records pledges and commitments in their currencies, EUR and GBP without a rate', async () => {
    const rows = await seededRecords();
    const admin = {
      userId: 'nobody',
      organizationId: 'none',
      role: 'admin' as const,
      organizationKind: 'partner_nation' as const,
    };
    const eu = await getRecord(
      t.app.ctx,
      admin,
      rows.find((r) => r.seed_key === 'esca-2017-ac1-eu-20m-eur')!.id,
    );
    expect(eu.transactions).toMatchObject([
      {
        type: 'commitment',
        amount: '20000000.00',
        currency: 'EUR',
        usd: null,
        valueDate: '2017-12-01',
      },
    ]);
    expect(eu.transactions[0]!.note).toContain('first of the month');
    expect(eu.figures.withoutRate).toBe(1);
    expect(eu.sourceUrl).toBe('https://sela.org/?p=58403');
    const alt = await getRecord(
      t.app.ctx,
      admin,
      rows.find((r) => r.seed_key === 'esca-2011-world-bank-1500m')!.id,
    );
    expect(alt.figures).toMatchObject({ pledged: '1500000000.00', funding: '0.00' });
    const uk = await getRecord(
      t.app.ctx,
      admin,
      rows.find((r) => r.seed_key === 'esca-2011-uk-180k-gbp')!.id,
    );
    expect(uk.transactions[0]).toMatchObject({
      type: 'pledge',
      amount: '180000.00',
      currency: 'GBP',
      rate: null,
    });
  });

  it('dates a month-only source date on the first of the month and says so', () => {
    expect(seedValueDate('2011-06')).toEqual({
      valueDate: '2011-06-01',
      note: 'The source gives only the month (2011-06); dated the first of the month.',
    });
    expect(seedValueDate('2013-06-24')).toEqual({ valueDate: '2013-06-24', note: '' });
  });
});
