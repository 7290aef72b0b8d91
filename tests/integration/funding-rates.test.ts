import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CommitmentRecordReplySchema,
  ExchangeRateChangeReplySchema,
  ExchangeRateListSchema,
  FundingHistorySchema,
  RatesFileRefusedSchema,
  RatesImportReplySchema,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';

describe.each(dialects)('exchange rates on %s', (dialect) => {
  let server: TestServer;
  let admin: TestPerson;
  let member: TestPerson;
  let recordId: string;
  const events: { programId: string | null; all: boolean }[] = [];

  const send = (who: TestPerson | null, path: string, method = 'GET', body?: unknown) =>
    fetchAs(server, who, path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const putRate = async (currency: string, date: string, rate: string) => {
    const res = await send(admin, '/api/funding/rates', 'PUT', {
      currency,
      date,
      rate,
      source: 'ECB reference rate',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ExchangeRateChangeReplySchema.parse(await res.json());
  };
  const record = async () => {
    const res = await send(member, `/api/funding/records/${recordId}`);
    return CommitmentRecordReplySchema.parse(await res.json()).record;
  };
  const usdByDate = async () =>
    Object.fromEntries((await record()).transactions.map((t) => [t.valueDate, t.usd]));
  const importCsv = (who: TestPerson, csv: string) =>
    fetchAs(server, who, '/api/funding/rates/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
  const rateCount = async () =>
    ExchangeRateListSchema.parse(await (await send(member, '/api/funding/rates')).json()).rates
      .length;

  beforeAll(async () => {
    server = await startServer({ dialect });
    admin = await createPersonOn(server, { role: 'admin' });
    member = await createPersonOn(server);
    const res = await send(member, '/api/funding/records', 'POST', {
      donorOrganizationId: member.organizationId,
      programId: null,
      receivingOrganizationId: null,
      modality: 'financial',
      descriptionEn: 'Strategy-wide grant in euros',
      descriptionEs: 'Donación en euros a toda la estrategia',
      sourceUrl: null,
      sourceReference: 'Agreement 2017/1',
    });
    recordId = CommitmentRecordReplySchema.parse(await res.json()).record.id;
    for (const [valueDate, amount] of [
      ['2017-12-01', '20000000'],
      ['2018-06-01', '1000000.50'],
    ] as const) {
      const tx = await send(member, `/api/funding/records/${recordId}/transactions`, 'POST', {
        type: 'commitment',
        valueDate,
        amount,
        currency: 'EUR',
      });
      expect(tx.status).toBe(201);
    }
    server.app.events.on('funding.changed', ({ programId, all }) =>
      events.push({ programId, all }),
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists amounts without a rate as "no rate", left out of USD figures', async () => {
    expect(await usdByDate()).toEqual({ '2017-12-01': null, '2018-06-01': null });
    expect((await record()).figures).toMatchObject({ committed: '0.00', withoutRate: 2 });
  });

  it('re-converts what a new rate governs, with history by the admin, and again when it is corrected or deleted', async () => {
    events.length = 0;
    const first = await putRate('EUR', '2017-01-01', '0.95');
    expect(first.reconverted).toBe(2);
    expect(first.rate).toMatchObject({
      currency: 'EUR',
      date: '2017-01-01',
      rate: '0.95',
      updatedBy: { id: admin.userId },
    });
    expect(events).toEqual([{ programId: null, all: true }]);
    // 20,000,000 / 0.95 = 21,052,631.578… → .58; 1,000,000.50 / 0.95 = 1,052,632.105… → .11
    expect(await usdByDate()).toEqual({
      '2017-12-01': '21052631.58',
      '2018-06-01': '1052632.11',
    });
    expect((await record()).figures).toMatchObject({
      committed: '22105263.69',
      funding: '22105263.69',
      withoutRate: 0,
    });

    // A later rate governs only the later transaction.
    expect((await putRate('EUR', '2018-01-01', '0.83')).reconverted).toBe(1);
    expect(await usdByDate()).toEqual({
      '2017-12-01': '21052631.58',
      '2018-06-01': '1204819.88',
    });
    // Correcting it re-converts again; the same value again changes nothing.
    const corrected = await putRate('EUR', '2018-01-01', '0.8');
    expect(corrected.reconverted).toBe(1);
    expect((await putRate('EUR', '2018-01-01', '0.8')).reconverted).toBe(0);
    expect(await usdByDate()).toEqual({
      '2017-12-01': '21052631.58',
      '2018-06-01': '1250000.62',
    });

    // Deleting the earlier rate leaves the 2017 transaction without one.
    const rates = ExchangeRateListSchema.parse(
      await (await send(member, '/api/funding/rates?currency=EUR')).json(),
    ).rates;
    expect(rates.map((r) => [r.date, r.rate])).toEqual([
      ['2018-01-01', '0.8'],
      ['2017-01-01', '0.95'],
    ]);
    const removed = await send(admin, `/api/funding/rates/${rates[1]!.id}`, 'DELETE');
    expect(ExchangeRateChangeReplySchema.parse(await removed.json())).toEqual({
      rate: null,
      reconverted: 1,
    });
    expect(await usdByDate()).toEqual({ '2017-12-01': null, '2018-06-01': '1250000.62' });
    const changes = FundingHistorySchema.parse(
      await (await send(member, `/api/funding/records/${recordId}/history`)).json(),
    ).changes.filter((c) => c.action === 'transaction.reconverted');
    expect(changes).toHaveLength(5);
    expect(changes.every((c) => c.actor?.id === admin.userId)).toBe(true);
    expect(changes[0]).toMatchObject({
      before: { usd: '21052631.58', rate: '0.95', rateDate: '2017-01-01' },
      after: { usd: null, rate: null, rateDate: null },
    });
    // Deleting it again: 404.
    expect((await send(admin, `/api/funding/rates/${rates[1]!.id}`, 'DELETE')).status).toBe(404);
  });

  it('refuses a rate for USD or an unknown currency, or a zero rate, storing nothing', async () => {
    const before = await rateCount();
    for (const body of [
      { currency: 'USD', date: '2020-01-01', rate: '1', source: 'x' },
      { currency: 'ZZZ', date: '2020-01-01', rate: '1', source: 'x' },
      { currency: 'JPY', date: '2020-01-01', rate: '0', source: 'x' },
      { currency: 'JPY', date: '2020-01-01', rate: 110, source: 'x' },
      { currency: 'JPY', date: '2020-01-01', rate: '110', source: 'x', by: admin.userId },
    ]) {
      const res = await send(admin, '/api/funding/rates', 'PUT', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await rateCount()).toBe(before);
  });

  it('imports a CSV all or nothing: a formula-looking cell or a bad line refuses the whole file', async () => {
    const before = await rateCount();
    const usdBefore = await usdByDate();
    const bad = [
      'currency,date,rate,source',
      'GBP,2011-01-01,0.64,Bank of England',
      'EUR,2017-06-01,0.9,"=HYPERLINK(""http://evil.example"",""x"")"',
      'USD,2017-06-01,1,Nobody',
      'JPY,2017-02-30,110,BoJ',
      'GBP,2011-01-01,0.65,Again',
      'EUR,2017-07-01,-1,ECB',
      'CHF,2017-07-01,0.97',
    ].join('\r\n');
    const res = await importCsv(admin, bad);
    expect(res.status).toBe(400);
    const { error } = RatesFileRefusedSchema.parse(await res.json());
    expect(error.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(error.problems[0]!.message).toContain('formula');
    expect(await rateCount()).toBe(before);
    expect(await usdByDate()).toEqual(usdBefore);

    const good = [
      'currency,date,rate,source',
      'EUR,2017-01-01,0.95,"ECB, reference rate"',
      'GBP,2011-01-01,0.64,Bank of England',
      'EUR,2018-01-01,0.8,ECB',
      '',
    ].join('\n');
    const ok = await importCsv(admin, good);
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(RatesImportReplySchema.parse(await ok.json())).toEqual({
      added: 2,
      // The 2018 rate's source changed: a correction, and its transaction names the new one.
      corrected: 1,
      reconverted: 2,
    });
    expect(await usdByDate()).toEqual({
      '2017-12-01': '21052631.58',
      '2018-06-01': '1250000.62',
    });
    const eur = ExchangeRateListSchema.parse(
      await (await send(member, '/api/funding/rates?currency=EUR')).json(),
    ).rates;
    expect(eur.find((r) => r.date === '2017-01-01')?.source).toBe('ECB, reference rate');
  });

  it('refuses a file without the header, an oversized file, and anyone but an admin', async () => {
    const before = await rateCount();
    const noHeader = await importCsv(admin, 'EUR,2019-01-01,0.9,ECB\n');
    expect(noHeader.status).toBe(400);
    expect(RatesFileRefusedSchema.parse(await noHeader.json()).error.problems[0]!.line).toBe(1);
    const huge = `currency,date,rate,source\n${'EUR,2019-01-01,0.9,ECB\n'.repeat(40_000)}`;
    expect((await importCsv(admin, huge)).status).toBe(413);
    expect(
      (await importCsv(member, 'currency,date,rate,source\nEUR,2019-01-01,0.9,x\n')).status,
    ).toBe(403);
    expect(await rateCount()).toBe(before);
  });
});
