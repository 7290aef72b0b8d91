import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aggregateFunding,
  compareDashboardPrograms,
  emptySum,
  estimatedCostUsdMinor,
  figuresOf,
  programFunding,
} from './dashboard.service.js';
import { sumFunding, type DashboardProgramRow } from './dashboard.repository.js';
import { csvField } from '../../lib/csv.js';
import { amountCell } from './dashboard.exports.js';
import {
  createCommitment,
  createPerson,
  firstProgramId,
  type TestTransaction,
} from '../../testing/factories.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';

const program = (o: Partial<DashboardProgramRow> = {}): DashboardProgramRow => ({
  id: 'P1',
  code: 'BA1',
  title_en: 'Program',
  title_es: 'Programa',
  component_id: 'A',
  priority: 1,
  estimated_cost_amount: null,
  estimated_cost_currency: null,
  ...o,
});

const usd = (type: TestTransaction['type'], amount: string, valueDate = '2026-03-01') => ({
  type,
  amount,
  currency: 'USD',
  valueDate,
});

describe('dashboard money rules (SQL sums, then BigInt)', () => {
  let t: TestApp;
  let programId: string;
  beforeAll(async () => {
    t = await buildTestApp();
    programId = await firstProgramId(t.app);
  });
  afterAll(() => t.close());

  /** Records of a donor of its own; the totals within that donor (the seed's records aside). */
  async function totals(
    records: { strategyWide?: boolean; alternative?: boolean; transactions: TestTransaction[] }[],
  ) {
    const donor = await createPerson(t.app);
    let first: string | null = null;
    for (const r of records) {
      const { recordId } = await createCommitment(t.app, {
        donorOrganizationId: donor.organizationId,
        programId: r.strategyWide ? null : programId,
        conflicting:
          r.alternative === true || (first !== null && records.some((x) => x.alternative)),
        alternativeOfId: r.alternative ? first : null,
        transactions: r.transactions,
      });
      first ??= recordId;
    }
    return aggregateFunding(
      await sumFunding(t.app.ctx.db, { donorOrganizationId: donor.organizationId }),
    );
  }

  it('shows pledges but never counts them as funding', async () => {
    const f = await totals([{ transactions: [usd('pledge', '500')] }]);
    expect(figuresOf(f.byProgram.get(programId)!)).toMatchObject({
      pledged: '500.00',
      funding: '0.00',
    });
  });

  it('counts a disbursement against its commitment: commitment 100 + disbursement 60 → 100', async () => {
    const f = await totals([
      { transactions: [usd('commitment', '100'), usd('disbursement', '60')] },
    ]);
    expect(figuresOf(f.total)).toMatchObject({
      committed: '100.00',
      disbursed: '60.00',
      funding: '100.00',
    });
  });

  it('counts a disbursement without a commitment: 80 → 80', async () => {
    const f = await totals([{ transactions: [usd('disbursement', '80')] }]);
    expect(figuresOf(f.total).funding).toBe('80.00');
  });

  it('takes the disbursement when it exceeds the commitment', async () => {
    const f = await totals([
      { transactions: [usd('commitment', '100'), usd('disbursement', '125')] },
    ]);
    expect(figuresOf(f.total).funding).toBe('125.00');
  });

  it('takes the larger per record, then adds the records (never across records)', async () => {
    const f = await totals([
      { transactions: [usd('commitment', '100')] },
      { transactions: [usd('disbursement', '70')] },
      // One record's commitment in 2025 and its disbursement in 2026 are one record.
      {
        transactions: [
          usd('commitment', '50', '2025-05-01'),
          usd('disbursement', '40', '2026-02-01'),
        ],
      },
    ]);
    expect(figuresOf(f.total).funding).toBe('220.00');
    expect(figuresOf(f.byYear.get('2025')!).funding).toBe('50.00');
    expect(figuresOf(f.byYear.get('2026')!).funding).toBe('210.00');
  });

  it('keeps strategy-wide records in their own row, never in a program', async () => {
    const f = await totals([
      { strategyWide: true, transactions: [usd('commitment', '300')] },
      { transactions: [usd('commitment', '100')] },
    ]);
    expect(figuresOf(f.strategyWide).funding).toBe('300.00');
    expect(figuresOf(f.byProgram.get(programId)!).funding).toBe('100.00');
    expect(figuresOf(f.total).funding).toBe('400.00');
  });

  it('leaves amounts without a rate out of USD sums and counts them', async () => {
    const f = await totals([
      {
        transactions: [
          { type: 'commitment', amount: '1000000', currency: 'JPY', valueDate: '2026-01-01' },
          usd('commitment', '100'),
        ],
      },
    ]);
    expect(figuresOf(f.total)).toMatchObject({ committed: '100.00', withoutRate: 1 });
    expect(f.byCurrency.get('JPY')!.native.committed).toBe(1_000_000n);
    expect(f.byCurrency.get('JPY')!.sum.withoutRate).toBe(1);
  });

  it('does not sum an alternative figure of a disputed pledge', async () => {
    const f = await totals([
      { transactions: [usd('commitment', '100')] },
      { alternative: true, transactions: [usd('commitment', '250')] },
    ]);
    expect(figuresOf(f.total).committed).toBe('100.00');
    expect(figuresOf(f.total).funding).toBe('100.00');
  });
});

describe('gap and order', () => {
  it('computes the gap from an estimated cost in USD', () => {
    const sum = { ...emptySum(), committed: 10_000n, funding: 10_000n };
    const p = programFunding(
      program({ estimated_cost_amount: '1000.50', estimated_cost_currency: 'USD' }),
      sum,
      new Map(),
    );
    expect(p).toMatchObject({ estimatedCostUsd: '1000.50', gap: '900.50' });
  });

  it('converts an estimated cost in EUR at its latest rate, half to even', () => {
    const sum = { ...emptySum(), funding: 50_000n };
    const p = programFunding(
      program({ estimated_cost_amount: '920', estimated_cost_currency: 'EUR' }),
      sum,
      new Map([['EUR', '0.92']]),
    );
    expect(p).toMatchObject({ estimatedCostUsd: '1000.00', gap: '500.00' });
    // 1 EUR at 0.3 EUR per USD = 3.333… USD → 3.33.
    expect(estimatedCostUsdMinor('1', 'EUR', new Map([['EUR', '0.3']]))).toBe(333n);
  });

  it('leaves the gap unknown for a cost in EUR without a rate, and for no cost', () => {
    const eur = programFunding(
      program({ estimated_cost_amount: '920', estimated_cost_currency: 'EUR' }),
      emptySum(),
      new Map(),
    );
    expect(eur).toMatchObject({
      estimatedCost: { amount: '920', currency: 'EUR' },
      estimatedCostUsd: null,
      gap: null,
    });
    const none = programFunding(program(), emptySum(), new Map());
    expect(none).toMatchObject({ estimatedCost: null, estimatedCostUsd: null, gap: null });
  });

  it('gives a negative gap when funding exceeds the cost, and writes it as a CSV number', () => {
    const p = programFunding(
      program({ estimated_cost_amount: '100', estimated_cost_currency: 'USD' }),
      { ...emptySum(), funding: 15_050n },
      new Map(),
    );
    expect(p.gap).toBe('-50.50');
    expect(csvField(amountCell(p.gap))).toBe('-50.50');
    expect(csvField(amountCell('12.30'))).toBe('12.30');
  });

  it('orders priority programs first, each group by code, no code last by title', () => {
    const rows = [
      program({ id: 'a', code: null, title_en: 'Zeta', priority: 0 }),
      program({ id: 'b', code: 'BA10', priority: 1 }),
      program({ id: 'c', code: 'AA1', priority: 0 }),
      program({ id: 'd', code: null, title_en: 'Alpha', priority: 0 }),
      program({ id: 'e', code: 'BA2', priority: 1 }),
    ].sort(compareDashboardPrograms);
    expect(rows.map((r) => r.id)).toEqual(['e', 'b', 'c', 'd', 'a']);
  });
});
