import { describe, expect, it } from 'vitest';
import {
  aggregateFunding,
  compareDashboardPrograms,
  emptySum,
  estimatedCostUsdMinor,
  figuresOf,
  programFunding,
} from './dashboard.service.js';
import type { DashboardProgramRow, FundingPieceRow } from './dashboard.repository.js';
import { csvField } from '../../lib/csv.js';
import { amountCell } from './dashboard.exports.js';

// Sums as the SQL returns them, in minor units (USD cents): numbers from SQLite, text from
// PostgreSQL — both are read.
function piece(o: Partial<FundingPieceRow> & { record_id: string }): FundingPieceRow {
  return {
    program_id: 'P1',
    donor_organization_id: 'D1',
    modality: 'financial',
    alternative: 0,
    conflicting: 0,
    currency: 'USD',
    year: '2026',
    pledged: 0,
    committed: 0,
    disbursed: 0,
    expended: 0,
    pledged_native: 0,
    committed_native: 0,
    disbursed_native: 0,
    without_rate: 0,
    ...o,
  };
}

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

describe('dashboard money rules', () => {
  it('shows pledges but never counts them as funding', () => {
    const t = aggregateFunding([piece({ record_id: 'R1', pledged: 50_000 })]);
    expect(figuresOf(t.byProgram.get('P1')!)).toMatchObject({ pledged: '500.00', funding: '0.00' });
  });

  it('counts a disbursement against its commitment: commitment 100 + disbursement 60 → 100', () => {
    const t = aggregateFunding([piece({ record_id: 'R1', committed: 10_000, disbursed: 6_000 })]);
    expect(figuresOf(t.total)).toMatchObject({
      committed: '100.00',
      disbursed: '60.00',
      funding: '100.00',
    });
  });

  it('counts a disbursement without a commitment: 80 → 80', () => {
    const t = aggregateFunding([piece({ record_id: 'R1', disbursed: '8000' })]);
    expect(figuresOf(t.total).funding).toBe('80.00');
  });

  it('takes the disbursement when it exceeds the commitment', () => {
    const t = aggregateFunding([piece({ record_id: 'R1', committed: 10_000, disbursed: 12_500 })]);
    expect(figuresOf(t.total).funding).toBe('125.00');
  });

  it('takes the larger per record, then adds the records (never across records)', () => {
    const t = aggregateFunding([
      piece({ record_id: 'R1', committed: 10_000 }),
      piece({ record_id: 'R2', disbursed: 7_000 }),
      // One record's commitment in 2025 and its disbursement in 2026 are one record.
      piece({ record_id: 'R3', year: '2025', committed: 5_000 }),
      piece({ record_id: 'R3', year: '2026', disbursed: 4_000 }),
    ]);
    expect(figuresOf(t.total).funding).toBe('220.00');
    expect(figuresOf(t.byYear.get('2025')!).funding).toBe('50.00');
    expect(figuresOf(t.byYear.get('2026')!).funding).toBe('210.00');
  });

  it('keeps strategy-wide records in their own row, never in a program', () => {
    const t = aggregateFunding([
      piece({ record_id: 'R1', program_id: null, committed: 30_000 }),
      piece({ record_id: 'R2', committed: 10_000 }),
    ]);
    expect(figuresOf(t.strategyWide).funding).toBe('300.00');
    expect(figuresOf(t.byProgram.get('P1')!).funding).toBe('100.00');
    expect(t.byProgram.has(null)).toBe(false);
    expect(figuresOf(t.total).funding).toBe('400.00');
  });

  it('leaves amounts without a rate out of USD sums and counts them', () => {
    const t = aggregateFunding([
      piece({
        record_id: 'R1',
        currency: 'JPY',
        committed: 0,
        committed_native: 1_000_000,
        without_rate: 1,
      }),
      piece({ record_id: 'R1', committed: 10_000, committed_native: 10_000 }),
    ]);
    expect(figuresOf(t.total)).toMatchObject({ committed: '100.00', withoutRate: 1 });
    expect(t.byCurrency.get('JPY')!.native.committed).toBe(1_000_000n);
    expect(t.byCurrency.get('JPY')!.sum.withoutRate).toBe(1);
  });

  it('does not sum an alternative figure of a disputed pledge', () => {
    const t = aggregateFunding([
      piece({ record_id: 'R1', committed: 10_000, conflicting: 1 }),
      piece({ record_id: 'R2', committed: 25_000, conflicting: 1, alternative: 1 }),
    ]);
    expect(figuresOf(t.total).committed).toBe('100.00');
    expect(figuresOf(t.total).funding).toBe('100.00');
  });

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
