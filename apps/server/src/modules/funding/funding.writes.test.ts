import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommitment, createPerson, insertRate } from '../../testing/factories.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';

describe('recording transactions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  async function transactionsOf(recordId: string) {
    return t.app.ctx.db
      .selectFrom('funding_transactions')
      .select(['amount_minor', 'usd_minor', 'rate', 'rate_date', 'currency'])
      .where('record_id', '=', recordId)
      .orderBy('value_date')
      .execute();
  }

  it('stores amounts in minor units and converts at the rate on or before the value date', async () => {
    const admin = await createPerson(t.app, { role: 'admin' });
    await insertRate(t.app, {
      currency: 'EUR',
      date: '2017-01-01',
      rate: '0.95',
      by: admin.userId,
    });
    await insertRate(t.app, {
      currency: 'EUR',
      date: '2018-01-01',
      rate: '0.83',
      by: admin.userId,
    });
    const { recordId } = await createCommitment(t.app, {
      donorOrganizationId: admin.organizationId,
      reportedBy: admin.userId,
      transactions: [
        { type: 'commitment', amount: '20000000', currency: 'EUR', valueDate: '2017-12-01' },
        { type: 'disbursement', amount: '1000000', currency: 'JPY', valueDate: '2018-02-01' },
        { type: 'disbursement', amount: '5.25', currency: 'USD', valueDate: '2018-03-01' },
      ],
    });
    const rows = await transactionsOf(recordId);
    expect(
      rows.map((r) => [String(r.amount_minor), r.usd_minor === null ? null : String(r.usd_minor)]),
    ).toEqual([
      ['2000000000', '2105263158'], // 20,000,000 / 0.95 = 21,052,631.578… → 21,052,631.58
      ['1000000', null], // no JPY rate: listed, not converted
      ['525', '525'],
    ]);
    expect(rows[0]).toMatchObject({ rate: '0.95', rate_date: '2017-01-01' });
  });

  it('records who did what in the history', async () => {
    const person = await createPerson(t.app);
    const { recordId, transactionIds } = await createCommitment(t.app, {
      donorOrganizationId: person.organizationId,
      reportedBy: person.userId,
      transactions: [{ type: 'pledge', amount: '100', currency: 'USD', valueDate: '2020-01-01' }],
    });
    const changes = await t.app.ctx.db
      .selectFrom('funding_changes')
      .select(['action', 'actor_id', 'transaction_id', 'after'])
      .where('record_id', '=', recordId)
      .orderBy('at')
      .orderBy('action')
      .execute();
    expect(changes.map((c) => [c.action, c.actor_id])).toEqual([
      ['record.created', person.userId],
      ['transaction.created', person.userId],
    ]);
    expect(changes[1]?.transaction_id).toBe(transactionIds[0]);
    expect(JSON.parse(changes[1]?.after ?? '{}')).toMatchObject({
      amount: '100.00',
      usd: '100.00',
    });
  });
});
