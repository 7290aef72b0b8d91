import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommitment, createPerson, insertRate } from '../../testing/factories.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import {
  conversionAt,
  governingRate,
  parseRatesCsv,
  readCsv,
  reconvertCurrency,
} from './rates.service.js';

describe('governing rates and conversion', () => {
  const rates = [
    { rate: '0.95', date: '2017-01-01', source: 'A' },
    { rate: '0.83', date: '2018-01-01', source: 'B' },
  ];
  it('takes the latest rate on or before the value date', () => {
    expect(governingRate(rates, '2016-12-31')).toBeNull();
    expect(governingRate(rates, '2017-01-01')?.rate).toBe('0.95');
    expect(governingRate(rates, '2017-12-31')?.rate).toBe('0.95');
    expect(governingRate(rates, '2030-01-01')?.rate).toBe('0.83');
  });
  it('converts in integers, half to even, or gives "no rate"', () => {
    // 1,000,000.50 EUR / 0.8 = 1,250,000.625 → .62 (half to even)
    expect(conversionAt(100_000_050n, 2, { rate: '0.8', date: 'd', source: 's' }).usd_minor).toBe(
      125_000_062n,
    );
    // 1,000 JPY at 110 = 9.0909… → 9.09
    expect(conversionAt(1000n, 0, { rate: '110', date: 'd', source: 's' }).usd_minor).toBe(909n);
    expect(conversionAt(1000n, 0, null)).toEqual({
      usd_minor: null,
      rate: null,
      rate_date: null,
      rate_source: null,
    });
  });
});

describe('rates files', () => {
  it('reads RFC 4180 quoting, CRLF, a BOM and multi-line cells, with the line each record starts on', () => {
    expect(readCsv('\uFEFFa,b\r\n"x, ""y""",2\n"multi\nline",3\n\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', '2'] },
      { line: 3, cells: ['multi\nline', '3'] },
    ]);
  });
  it('lists every problem by line and refuses formula-looking cells', () => {
    const result = parseRatesCsv(
      'currency,date,rate,source\nEUR,2020-01-01,0.9,ok\n@SUM(A1),2020-01-01,1,x\nEUR,2020-01-01,0.8,dup\nXYZ,2020-1-1,abc,\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([3, 4, 5, 5, 5, 5]);
  });
  it('accepts a clean file', () => {
    expect(parseRatesCsv('Currency,Date,Rate,Source\nJPY,2020-01-01,110.5,BoJ\n')).toEqual({
      ok: true,
      rates: [{ currency: 'JPY', date: '2020-01-01', rate: '110.5', source: 'BoJ' }],
    });
  });
});

describe('re-converting a currency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('changes only the transactions whose governing rate changed, with history', async () => {
    const admin = await createPerson(t.app, { role: 'admin' });
    const { recordId } = await createCommitment(t.app, {
      donorOrganizationId: admin.organizationId,
      reportedBy: admin.userId,
      transactions: [
        { type: 'commitment', amount: '100', currency: 'DKK', valueDate: '2019-06-01' },
        { type: 'commitment', amount: '100', currency: 'DKK', valueDate: '2020-06-01' },
      ],
    });
    await insertRate(t.app, { currency: 'DKK', date: '2020-01-01', rate: '6.4', by: admin.userId });
    const stamp = { actorId: admin.userId, at: new Date().toISOString() };
    const count = await t.app.ctx.db
      .transaction()
      .execute((trx) => reconvertCurrency(trx, 'DKK', '2020-01-01', stamp));
    expect(count).toBe(1);
    const rows = await t.app.ctx.db
      .selectFrom('funding_transactions')
      .select(['value_date', 'usd_minor', 'rate'])
      .where('record_id', '=', recordId)
      .orderBy('value_date')
      .execute();
    expect(
      rows.map((r) => [r.value_date, r.usd_minor === null ? null : Number(r.usd_minor)]),
    ).toEqual([
      ['2019-06-01', null],
      ['2020-06-01', 1562], // 100 / 6.4 = 15.625 → 15.62 (half to even)
    ]);
    const again = await t.app.ctx.db
      .transaction()
      .execute((trx) => reconvertCurrency(trx, 'DKK', '2019-01-01', stamp));
    expect(again).toBe(0);
    const changes = await t.app.ctx.db
      .selectFrom('funding_changes')
      .select(['action', 'actor_id', 'after'])
      .where('record_id', '=', recordId)
      .where('action', '=', 'transaction.reconverted')
      .execute();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.actor_id).toBe(admin.userId);
    expect(JSON.parse(changes[0]!.after!)).toMatchObject({ usd: '15.62', rate: '6.4' });
  });
});
