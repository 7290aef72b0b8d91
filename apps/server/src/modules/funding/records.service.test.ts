import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommitment, createPerson, insertRate } from '../../testing/factories.js';
import { buildTestApp, recordEvents, type TestApp } from '../../testing/test-app.js';
import type { Actor } from '../../authz/actor.js';
import { recordFigures } from './records.presenter.js';
import {
  changedFields,
  getRecord,
  parseAmount,
  recordHistory,
  updateTransaction,
} from './records.service.js';

describe('record figures', () => {
  it('counts the larger of commitments and disbursements, never pledges; rates missing are counted apart', () => {
    expect(
      recordFigures(
        [
          { type: 'pledge', usdMinor: 100_000n },
          { type: 'commitment', usdMinor: 50_000n },
          { type: 'disbursement', usdMinor: 20_000n },
          { type: 'disbursement', usdMinor: 40_000n },
          { type: 'expenditure', usdMinor: 10_000n },
          { type: 'commitment', usdMinor: null },
        ],
        false,
      ),
    ).toEqual({
      pledged: '1000.00',
      committed: '500.00',
      disbursed: '600.00',
      expended: '100.00',
      funding: '600.00',
      withoutRate: 1,
    });
  });

  it('shows an alternative figure’s sums but counts nothing of it as funding', () => {
    expect(recordFigures([{ type: 'commitment', usdMinor: 70_000n }], true)).toMatchObject({
      committed: '700.00',
      funding: '0.00',
    });
  });
});

describe('amounts and changes', () => {
  it('parses amounts exactly in the currency’s digits and says how many decimals it has', () => {
    expect(parseAmount('1000', 'JPY')).toBe(1000n);
    expect(parseAmount('12.345', 'KWD')).toBe(12345n);
    expect(parseAmount('-5.5', 'USD')).toBe(-550n);
    expect(() => parseAmount('1000.5', 'JPY')).toThrow('JPY has no decimals');
    expect(() => parseAmount('1.1234', 'KWD')).toThrow('KWD has 3 decimals');
    expect(() => parseAmount('0.00', 'USD')).toThrow('cannot be zero');
    expect(() => parseAmount('1', 'ZZZ')).toThrow('not a currency');
  });

  it('keeps only the fields that changed, before and after', () => {
    expect(
      changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: 2 }, ['a', 'b', 'c']),
    ).toEqual({
      before: { b: 'x', c: null },
      after: { b: 'y', c: 2 },
    });
    expect(changedFields({ a: 1 }, { a: 1 }, ['a'])).toBeNull();
  });
});

describe('editing a transaction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('converts again when the amount, currency or date changes, and records it in the history', async () => {
    const admin = await createPerson(t.app, { role: 'admin' });
    const actor: Actor = {
      userId: admin.userId,
      sessionId: admin.sessionId,
      email: admin.email,
      name: admin.name,
      role: 'admin',
      organizationId: admin.organizationId,
      organizationKind: 'partner_nation',
      organizationName: { en: 'x', es: 'x' },
      locale: 'en',
      timeZone: 'UTC',
    };
    await insertRate(t.app, { currency: 'NOK', date: '2020-01-01', rate: '10', by: admin.userId });
    await insertRate(t.app, { currency: 'NOK', date: '2021-01-01', rate: '8', by: admin.userId });
    await insertRate(t.app, { currency: 'SEK', date: '2020-01-01', rate: '9.5', by: admin.userId });
    const { recordId, transactionIds } = await createCommitment(t.app, {
      donorOrganizationId: admin.organizationId,
      reportedBy: admin.userId,
      transactions: [
        { type: 'commitment', amount: '1000', currency: 'NOK', valueDate: '2020-06-01' },
      ],
    });
    const id = transactionIds[0]!;
    expect((await getRecord(t.app.ctx, actor, recordId)).transactions[0]!.usd).toBe('100.00');
    const events = recordEvents(t.app.events, 'funding.changed');

    const moved = await updateTransaction(t.app.ctx, actor, recordId, id, {
      valueDate: '2021-03-01',
      revision: 1,
    });
    expect(moved.ok && moved.record.transactions[0]).toMatchObject({
      usd: '125.00',
      rate: { rate: '8', date: '2021-01-01' },
      revision: 2,
    });
    const resized = await updateTransaction(t.app.ctx, actor, recordId, id, {
      amount: '1000.01',
      currency: 'SEK',
      revision: 2,
    });
    // 1000.01 / 9.5 = 105.2642… → 105.26
    expect(resized.ok && resized.record.transactions[0]).toMatchObject({
      amount: '1000.01',
      currency: 'SEK',
      usd: '105.26',
      rate: { rate: '9.5', date: '2020-01-01' },
    });
    const stale = await updateTransaction(t.app.ctx, actor, recordId, id, {
      note: 'x',
      revision: 2,
    });
    expect(stale.ok).toBe(false);
    expect(events).toEqual([
      { programId: null, all: false, actorId: admin.userId },
      { programId: null, all: false, actorId: admin.userId },
    ]);

    const history = await recordHistory(t.app.ctx, recordId);
    const updates = history.filter((c) => c.action === 'transaction.updated');
    expect(updates.map((c) => [c.before, c.after])).toEqual([
      [
        { amount: '1000.00', currency: 'NOK', usd: '125.00', rate: '8', rateDate: '2021-01-01' },
        { amount: '1000.01', currency: 'SEK', usd: '105.26', rate: '9.5', rateDate: '2020-01-01' },
      ],
      [
        { valueDate: '2020-06-01', usd: '100.00', rate: '10', rateDate: '2020-01-01' },
        { valueDate: '2021-03-01', usd: '125.00', rate: '8', rateDate: '2021-01-01' },
      ],
    ]);
  });
});
