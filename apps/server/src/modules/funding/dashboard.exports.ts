import {
  type FundingDashboard,
  type FundingFigures,
  type Locale,
  type Scorecard,
} from '@mesa/shared';
import { csvDecimal, writeCsv, type CsvCell } from '../../lib/csv.js';

/**
 * The dashboard and the scorecard as CSV, through the project's one CSV writer: exactly the
 * lines and figures the pages show, headings in the reader's language.
 */

const DASHBOARD_HEADER = {
  en: [
    'Section',
    'Code',
    'Name',
    'Priority program',
    'Estimated cost',
    'Estimated cost currency',
    'Estimated cost (USD)',
    'Pledged (USD)',
    'Committed (USD)',
    'Disbursed (USD)',
    'Expended (USD)',
    'Funding (USD)',
    'Gap (USD)',
    'Transactions without a rate',
    'Pledged (own currency)',
    'Committed (own currency)',
    'Disbursed (own currency)',
  ],
  es: [
    'Sección',
    'Código',
    'Nombre',
    'Programa prioritario',
    'Costo estimado',
    'Moneda del costo estimado',
    'Costo estimado (USD)',
    'Prometido (USD)',
    'Comprometido (USD)',
    'Desembolsado (USD)',
    'Gastado (USD)',
    'Financiamiento (USD)',
    'Brecha (USD)',
    'Transacciones sin tipo de cambio',
    'Prometido (moneda propia)',
    'Comprometido (moneda propia)',
    'Desembolsado (moneda propia)',
  ],
} as const;

const SECTIONS = {
  program: { en: 'Program', es: 'Programa' },
  strategyWide: { en: 'Strategy-wide', es: 'Toda la estrategia' },
  total: { en: 'Total', es: 'Total' },
  component: { en: 'Component', es: 'Componente' },
  donor: { en: 'Donor', es: 'Donante' },
  modality: { en: 'Modality', es: 'Modalidad' },
  currency: { en: 'Currency', es: 'Moneda' },
  year: { en: 'Year', es: 'Año' },
  yes: { en: 'yes', es: 'sí' },
} as const;

/** An exact decimal amount as a cell (a negative gap is a value, not a formula). */
export function amountCell(amount: string | null): CsvCell {
  return amount === null ? null : csvDecimal(amount);
}

function figureCells(f: FundingFigures): CsvCell[] {
  return [
    amountCell(f.pledged),
    amountCell(f.committed),
    amountCell(f.disbursed),
    amountCell(f.expended),
    amountCell(f.funding),
  ];
}

/** The dashboard as CSV: programs, the strategy-wide line, the total, then each breakdown. */
export function dashboardCsv(d: FundingDashboard, locale: Locale): string {
  const rows: CsvCell[][] = [];
  for (const p of d.programs) {
    rows.push([
      SECTIONS.program[locale],
      p.program.code,
      locale === 'es' ? p.program.titleEs : p.program.titleEn,
      p.program.priority ? SECTIONS.yes[locale] : '',
      p.estimatedCost?.amount ?? null,
      p.estimatedCost?.currency ?? null,
      amountCell(p.estimatedCostUsd),
      ...figureCells(p.figures),
      amountCell(p.gap),
      p.figures.withoutRate,
      null,
      null,
      null,
    ]);
  }
  const line = (section: string, code: string | null, name: string, f: FundingFigures) => [
    section,
    code,
    name,
    '',
    null,
    null,
    null,
    ...figureCells(f),
    null,
    f.withoutRate,
  ];
  rows.push([
    ...line(SECTIONS.strategyWide[locale], null, SECTIONS.strategyWide[locale], d.strategyWide),
    null,
    null,
    null,
  ]);
  rows.push([
    ...line(SECTIONS.total[locale], null, SECTIONS.total[locale], d.total),
    null,
    null,
    null,
  ]);
  const breakdowns = [
    ['component', d.byComponent],
    ['donor', d.byDonor],
    ['modality', d.byModality],
    ['currency', d.byCurrency],
    ['year', d.byYear],
  ] as const;
  for (const [section, list] of breakdowns) {
    for (const r of list) {
      rows.push([
        ...line(
          SECTIONS[section][locale],
          section === 'donor' ? null : r.key,
          r.label[locale],
          r.figures,
        ),
        amountCell(r.native?.pledged ?? null),
        amountCell(r.native?.committed ?? null),
        amountCell(r.native?.disbursed ?? null),
      ]);
    }
  }
  return writeCsv(DASHBOARD_HEADER[locale], rows);
}

const SCORECARD_HEADER = {
  en: [
    'Donor',
    'Last recorded or confirmed (UTC)',
    'Records with a commitment',
    'With a disbursement since',
    'With a recent disbursement',
    'Share (%)',
    'Unconfirmed before',
    'Unconfirmed transactions',
  ],
  es: [
    'Donante',
    'Último registro o confirmación (UTC)',
    'Registros con compromiso',
    'Con desembolso desde',
    'Con desembolso reciente',
    'Proporción (%)',
    'Sin confirmar antes de',
    'Transacciones sin confirmar',
  ],
} as const;

/** The scorecard as CSV, in the order shown. The share is rounded to a whole percent. */
export function scorecardCsv(s: Scorecard, locale: Locale): string {
  return writeCsv(
    SCORECARD_HEADER[locale],
    s.rows.map((r) => [
      r.donor.name[locale],
      r.lastActivityAt,
      r.commitments,
      s.recentSince,
      r.withRecentDisbursement,
      r.commitments === 0 ? null : Math.round((r.withRecentDisbursement * 100) / r.commitments),
      s.unconfirmedBefore,
      r.unconfirmed,
    ]),
  );
}
