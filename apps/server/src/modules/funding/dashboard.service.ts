import {
  Modalities,
  convertToUsdMinor,
  formatMinor,
  parseDecimal,
  parseRate,
  type FundingDashboard,
  type FundingFigures,
  type FundingFilters,
  type ProgramFunding,
} from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { currencyDigits } from './currencies.js';
import { usdText } from './conversion.js';
import { readMinor } from './money-columns.js';
import {
  countConflictingRecords,
  latestRates,
  listComponentTitles,
  listDashboardPrograms,
  listOrganizationNames,
  programExists,
  sumFunding,
  type DashboardProgramRow,
  type FundingSums,
  type FundingSumsRow,
} from './dashboard.repository.js';

/**
 * The funding dashboard (docs/funding.md, "Funding and the gap" and "The dashboard and the
 * scorecard"): SQL adds up the transactions as integers — per record first, where a record's
 * funding is the larger of its commitments and its disbursements (pledges never count), then
 * per group, alternative figures and deleted records left out, amounts without a rate counted
 * in `withoutRate` — and this service puts the groups together in BigInt and computes each
 * program's gap.
 */

/** Figures being added up, in US cents. */
export interface FiguresSum {
  pledged: bigint;
  committed: bigint;
  disbursed: bigint;
  expended: bigint;
  funding: bigint;
  withoutRate: number;
}

/** Zero figures. */
export function emptySum(): FiguresSum {
  return { pledged: 0n, committed: 0n, disbursed: 0n, expended: 0n, funding: 0n, withoutRate: 0 };
}

function addInto(into: FiguresSum, add: FiguresSum): void {
  into.pledged += add.pledged;
  into.committed += add.committed;
  into.disbursed += add.disbursed;
  into.expended += add.expended;
  into.funding += add.funding;
  into.withoutRate += add.withoutRate;
}

/** Figures as the API writes them (exact decimal strings of US dollars). */
export function figuresOf(sum: FiguresSum): FundingFigures {
  return {
    pledged: usdText(sum.pledged),
    committed: usdText(sum.committed),
    disbursed: usdText(sum.disbursed),
    expended: usdText(sum.expended),
    funding: usdText(sum.funding),
    withoutRate: sum.withoutRate,
  };
}

function sumOf(row: FundingSumsRow): FiguresSum {
  return {
    pledged: readMinor(row.pledged ?? 0),
    committed: readMinor(row.committed ?? 0),
    disbursed: readMinor(row.disbursed ?? 0),
    expended: readMinor(row.expended ?? 0),
    funding: readMinor(row.funding ?? 0),
    withoutRate: Number(row.without_rate ?? 0),
  };
}

/** What the aggregation returns, in BigInt. */
export interface FundingTotals {
  /** By program id. */
  byProgram: Map<string, FiguresSum>;
  strategyWide: FiguresSum;
  total: FiguresSum;
  byDonor: Map<string, FiguresSum>;
  byModality: Map<string, FiguresSum>;
  byCurrency: Map<
    string,
    { sum: FiguresSum; native: Record<'pledged' | 'committed' | 'disbursed', bigint> }
  >;
  byYear: Map<string, FiguresSum>;
}

/**
 * Adds up the SQL's groups (each record's funding already taken before adding, alternative
 * figures already left out) into the dashboard's rows, in BigInt. Pure, exact.
 */
export function aggregateFunding(sums: FundingSums): FundingTotals {
  const totals: FundingTotals = {
    byProgram: new Map(),
    strategyWide: emptySum(),
    total: emptySum(),
    byDonor: new Map(),
    byModality: new Map(),
    byCurrency: new Map(),
    byYear: new Map(),
  };
  const into = <K>(map: Map<K, FiguresSum>, key: K, sum: FiguresSum) => {
    let target = map.get(key);
    if (!target) map.set(key, (target = emptySum()));
    addInto(target, sum);
  };
  for (const row of sums.records) {
    const sum = sumOf(row);
    if (row.program_id === null) addInto(totals.strategyWide, sum);
    else into(totals.byProgram, row.program_id, sum);
    addInto(totals.total, sum);
    into(totals.byDonor, row.donor_organization_id, sum);
    into(totals.byModality, row.modality, sum);
  }
  for (const row of sums.currencies) {
    totals.byCurrency.set(row.currency, {
      sum: sumOf(row),
      native: {
        pledged: readMinor(row.pledged_native ?? 0),
        committed: readMinor(row.committed_native ?? 0),
        disbursed: readMinor(row.disbursed_native ?? 0),
      },
    });
  }
  for (const row of sums.years) totals.byYear.set(row.year, sumOf(row));
  return totals;
}

/**
 * A program's estimated cost in US cents: USD directly, another currency at its latest rate
 * (BigInt, half to even); null when not recorded, not readable, or its currency has no rate.
 */
export function estimatedCostUsdMinor(
  amount: string | null,
  currency: string | null,
  rates: ReadonlyMap<string, string>,
): bigint | null {
  if (amount === null || currency === null) return null;
  const digits = currencyDigits(currency);
  if (digits === null) return null;
  const minor = parseDecimal(amount, digits);
  if (minor === null) return null;
  if (currency === 'USD') return minor;
  const rateText = rates.get(currency);
  const rate = rateText === undefined ? null : parseRate(rateText);
  return rate === null ? null : convertToUsdMinor(minor, digits, rate);
}

/** One program's funding reply from its row, figures and the latest rates. */
export function programFunding(
  p: DashboardProgramRow,
  sum: FiguresSum,
  rates: ReadonlyMap<string, string>,
): ProgramFunding {
  const costUsd = estimatedCostUsdMinor(p.estimated_cost_amount, p.estimated_cost_currency, rates);
  return {
    program: {
      id: p.id,
      code: p.code,
      titleEn: p.title_en,
      titleEs: p.title_es,
      componentId: p.component_id as ProgramFunding['program']['componentId'],
      priority: p.priority === 1,
    },
    estimatedCost:
      p.estimated_cost_amount !== null && p.estimated_cost_currency !== null
        ? { amount: p.estimated_cost_amount, currency: p.estimated_cost_currency }
        : null,
    estimatedCostUsd: costUsd === null ? null : usdText(costUsd),
    figures: figuresOf(sum),
    gap: costUsd === null ? null : usdText(costUsd - sum.funding),
  };
}

/** Priority programs first, then the others; each group by code (no code last, by title). */
export function compareDashboardPrograms(a: DashboardProgramRow, b: DashboardProgramRow): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.code !== null && b.code !== null)
    return a.code.localeCompare(b.code, 'en', { numeric: true });
  if (a.code !== null) return -1;
  if (b.code !== null) return 1;
  return a.title_en.localeCompare(b.title_en, 'en');
}

const MODALITY_LABELS: Record<string, { en: string; es: string }> = {
  financial: { en: 'Financial', es: 'Financiera' },
  technical_assistance: { en: 'Technical assistance', es: 'Asistencia técnica' },
  in_kind: { en: 'In kind', es: 'En especie' },
};

/** The key of the strategy-wide line of the component breakdown. */
export const STRATEGY_WIDE_KEY = 'strategy-wide';

/** `GET /api/funding/dashboard`: every figure within the filters (totals are everyone's). */
export async function getFundingDashboard(
  ctx: ServiceContext,
  filters: FundingFilters,
): Promise<FundingDashboard> {
  const [sums, programs, components, conflictingRecords] = await Promise.all([
    sumFunding(ctx.db, filters),
    listDashboardPrograms(ctx.db, filters),
    listComponentTitles(ctx.db),
    countConflictingRecords(ctx.db, filters),
  ]);
  const totals = aggregateFunding(sums);
  const costCurrencies = [
    ...new Set(
      programs.flatMap((p) => (p.estimated_cost_currency ? [p.estimated_cost_currency] : [])),
    ),
  ].filter((c) => c !== 'USD');
  const [rates, organizations] = await Promise.all([
    latestRates(ctx.db, costCurrencies),
    listOrganizationNames(ctx.db, [...totals.byDonor.keys()]),
  ]);

  const sorted = [...programs].sort(compareDashboardPrograms);
  const programRows = sorted.map((p) =>
    programFunding(p, totals.byProgram.get(p.id) ?? emptySum(), rates),
  );

  const componentSums = new Map<string, FiguresSum>();
  for (const p of programs) {
    const sum = totals.byProgram.get(p.id);
    if (!sum) continue;
    let target = componentSums.get(p.component_id);
    if (!target) componentSums.set(p.component_id, (target = emptySum()));
    addInto(target, sum);
  }
  const strategyWideShown = filters.componentId === undefined && filters.priority === undefined;
  const byComponent = [
    ...components
      .filter((c) => filters.componentId === undefined || c.id === filters.componentId)
      .map((c) => ({
        key: c.id,
        label: { en: c.title_en, es: c.title_es },
        figures: figuresOf(componentSums.get(c.id) ?? emptySum()),
        native: null,
      })),
    ...(strategyWideShown
      ? [
          {
            key: STRATEGY_WIDE_KEY,
            label: { en: 'Strategy-wide', es: 'Toda la estrategia' },
            figures: figuresOf(totals.strategyWide),
            native: null,
          },
        ]
      : []),
  ];

  const names = new Map(organizations.map((o) => [o.id, o]));
  const byDonor = [...totals.byDonor.entries()]
    .map(([id, sum]) => ({
      key: id,
      label: { en: names.get(id)?.name_en ?? id, es: names.get(id)?.name_es ?? id },
      sum,
    }))
    .sort((a, b) =>
      a.sum.funding !== b.sum.funding
        ? a.sum.funding > b.sum.funding
          ? -1
          : 1
        : a.label.en.localeCompare(b.label.en, 'en'),
    )
    .map(({ key, label, sum }) => ({ key, label, figures: figuresOf(sum), native: null }));

  const byModality = Modalities.filter((m) => totals.byModality.has(m)).map((m) => ({
    key: m,
    label: MODALITY_LABELS[m] ?? { en: m, es: m },
    figures: figuresOf(totals.byModality.get(m)!),
    native: null,
  }));

  const byCurrency = [...totals.byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, { sum, native }]) => {
      const digits = currencyDigits(code) ?? 2;
      return {
        key: code,
        label: { en: code, es: code },
        figures: figuresOf(sum),
        native: {
          pledged: formatMinor(native.pledged, digits),
          committed: formatMinor(native.committed, digits),
          disbursed: formatMinor(native.disbursed, digits),
        },
      };
    });

  const byYear = [...totals.byYear.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, sum]) => ({
      key: year,
      label: { en: year, es: year },
      figures: figuresOf(sum),
      native: null,
    }));

  return {
    filters,
    programs: programRows,
    strategyWide: figuresOf(totals.strategyWide),
    total: figuresOf(totals.total),
    byComponent,
    byDonor,
    byModality,
    byCurrency,
    byYear,
    conflictingRecords,
    generatedAt: ctx.now().toISOString(),
  };
}

/** `GET /api/programs/:id/funding`: one program's summary; 404 when it does not exist. */
export async function getProgramFunding(
  ctx: ServiceContext,
  programId: string,
): Promise<ProgramFunding> {
  if (!(await programExists(ctx.db, programId))) throw new NotFoundError('program');
  const [[program], sums] = await Promise.all([
    listDashboardPrograms(ctx.db, {}, programId),
    sumFunding(ctx.db, {}, programId),
  ]);
  if (!program) throw new NotFoundError('program');
  const totals = aggregateFunding(sums);
  const currency = program.estimated_cost_currency;
  const rates = await latestRates(ctx.db, currency && currency !== 'USD' ? [currency] : []);
  return programFunding(program, totals.byProgram.get(programId) ?? emptySum(), rates);
}
