// The funding benchmark's workspace: `transactions` transactions over 22 programs, 60 donor
// organizations and 12 currencies (JPY without decimals, KWD with three), inserted directly in
// batches with the USD value each would have got from the recording path (the same shared
// BigInt conversion at the rate on or before its value date). Deterministic: the same seed
// gives the same data on SQLite and PostgreSQL.
import { convertToUsdMinor, parseRate } from '@mesa/shared';
import type { App } from '../harness/mesa-node.js';

/** Currencies with their ISO 4217 digits; the first has no rate before 2015 ("no rate"). */
export const CURRENCIES: readonly { code: string; digits: number; perUsd: string }[] = [
  { code: 'KRW', digits: 0, perUsd: '1180.5' },
  { code: 'USD', digits: 2, perUsd: '1' },
  { code: 'EUR', digits: 2, perUsd: '0.9215' },
  { code: 'JPY', digits: 0, perUsd: '151.3' },
  { code: 'GBP', digits: 2, perUsd: '0.79' },
  { code: 'CAD', digits: 2, perUsd: '1.36' },
  { code: 'AUD', digits: 2, perUsd: '1.52' },
  { code: 'KWD', digits: 3, perUsd: '0.3075' },
  { code: 'MXN', digits: 2, perUsd: '17.05' },
  { code: 'CHF', digits: 2, perUsd: '0.88' },
  { code: 'SEK', digits: 2, perUsd: '10.45' },
  { code: 'NOK', digits: 2, perUsd: '10.6' },
];

const TYPES = ['pledge', 'commitment', 'disbursement', 'disbursement', 'expenditure'] as const;
const MODALITIES = ['financial', 'technical_assistance', 'in_kind'] as const;
const FIRST_YEAR = 2011;
const LAST_YEAR = 2026;
const BATCH = 400;

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

function recordRow(
  id: string,
  r: { donor: string; program: string | null; modality: string; adminId: string; at: string },
) {
  return {
    id,
    donor_organization_id: r.donor,
    program_id: r.program,
    receiving_organization_id: null,
    modality: r.modality,
    description_en: `Bench commitment ${id}`,
    description_es: `Compromiso de prueba ${id}`,
    source_url: null,
    source_reference: null,
    conflicting: 0,
    alternative_of_id: null,
    iati_identifier: null,
    seed_key: null,
    created_by: r.adminId,
    created_at: r.at,
    updated_at: r.at,
    revision: 1,
    deleted_at: null,
    deleted_by: null,
  };
}

function transactionRow(
  id: string,
  t: {
    recordId: string;
    type: string;
    valueDate: string;
    amountMinor: bigint;
    currency: string;
    usd: bigint | null;
    rate: string | null;
    rateDate: string | null;
    adminId: string;
    at: string;
  },
) {
  return {
    id,
    record_id: t.recordId,
    type: t.type,
    value_date: t.valueDate,
    amount_minor: t.amountMinor.toString(),
    currency: t.currency,
    usd_minor: t.usd === null ? null : t.usd.toString(),
    rate: t.rate,
    rate_date: t.rateDate,
    rate_source: t.rate === null ? null : 'Bench rates',
    iati_ref: null,
    note: '',
    import_id: null,
    reported_by: t.adminId,
    reported_at: t.at,
    confirmed_by: null,
    confirmed_at: null,
    updated_at: t.at,
    revision: 1,
  };
}

/** What was made: counts, for the printed method. */
export interface FundingData {
  programs: number;
  donors: number;
  records: number;
  transactions: number;
  withoutRate: number;
}

/**
 * Fills the app's database: programs up to 22 (with an estimated cost in USD), 60 donor
 * organizations, a rate per currency per year (none for KRW before 2015), and
 * `transactions / 10` records of 10 transactions each (one in ten strategy-wide).
 */
export async function fillFunding(
  app: App,
  o: { transactions: number; adminId: string; seed?: number },
): Promise<FundingData> {
  const db = app.ctx.db;
  const next = random(o.seed ?? 21);
  const at = new Date().toISOString();
  const existing = await db.selectFrom('programs').select('id').execute();
  const programIds = existing.map((p) => p.id);
  const newPrograms = [];
  for (let i = programIds.length; i < 22; i += 1) {
    const id = `benchprogram${pad(i)}aaaaaa`.slice(0, 16);
    programIds.push(id);
    newPrograms.push({
      id,
      code: `ZB${i}`,
      title_en: `Bench program ${i}`,
      title_es: `Programa de prueba ${i}`,
      component_id: ['A', 'B', 'C', 'D'][i % 4]!,
      priority: 0,
      priority_confidence: 'not_documented',
      confidence: 'inferred',
      status: null,
      countries: '[]',
      estimated_cost_amount: null,
      estimated_cost_currency: null,
      notes: null,
      created_at: at,
      updated_at: at,
    });
  }
  if (newPrograms.length > 0) await db.insertInto('programs').values(newPrograms).execute();
  for (const [i, id] of programIds.entries()) {
    await db
      .updateTable('programs')
      .set({
        estimated_cost_amount: String(20_000_000 + i * 5_000_000),
        estimated_cost_currency: 'USD',
      })
      .where('id', '=', id)
      .execute();
  }
  const donorIds = Array.from({ length: 60 }, (_, i) => `benchdonor${pad(i)}aaaaaaaa`.slice(0, 16));
  await db
    .insertInto('organizations')
    .values(
      donorIds.map((id, i) => ({
        id,
        name_en: `Bench donor ${i}`,
        name_es: `Donante de prueba ${i}`,
        short_name_en: `BD${i}`,
        short_name_es: `DP${i}`,
        kind: 'partner_nation',
        country_code: null,
        created_at: at,
      })),
    )
    .execute();
  const rates = [];
  for (const c of CURRENCIES) {
    if (c.code === 'USD') continue;
    for (let year = c.code === 'KRW' ? 2015 : FIRST_YEAR; year <= LAST_YEAR; year += 1) {
      rates.push({
        id: `rate${c.code.toLowerCase()}${year}`.padEnd(16, 'x'),
        currency: c.code,
        rate_date: `${year}-01-01`,
        rate: c.perUsd,
        source: 'Bench rates',
        updated_by: o.adminId,
        created_at: at,
        updated_at: at,
      });
    }
  }
  await inBatches(rates, (b) => db.insertInto('exchange_rates').values(b).execute());

  const recordCount = Math.ceil(o.transactions / 10);
  const records: ReturnType<typeof recordRow>[] = [];
  const transactions: ReturnType<typeof transactionRow>[] = [];
  let withoutRate = 0;
  for (let r = 0; r < recordCount; r += 1) {
    const recordId = `benchrec${String(r).padStart(8, '0')}`;
    records.push(
      recordRow(recordId, {
        donor: donorIds[Math.floor(next() * donorIds.length)]!,
        program: r % 10 === 0 ? null : programIds[Math.floor(next() * programIds.length)]!,
        modality: MODALITIES[Math.floor(next() * MODALITIES.length)]!,
        adminId: o.adminId,
        at,
      }),
    );
    const currency = CURRENCIES[Math.floor(next() * CURRENCIES.length)]!;
    for (let t = 0; t < 10 && records.length * 10 - 10 + t < o.transactions; t += 1) {
      const year = FIRST_YEAR + Math.floor(next() * (LAST_YEAR - FIRST_YEAR + 1));
      const valueDate = `${year}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
      const amountMinor =
        BigInt(1 + Math.floor(next() * 5_000_000)) * 10n ** BigInt(currency.digits);
      const hasRate = currency.code !== 'KRW' || year >= 2015;
      const rate = parseRate(currency.perUsd)!;
      const usd = hasRate ? convertToUsdMinor(amountMinor, currency.digits, rate) : null;
      if (!hasRate) withoutRate += 1;
      transactions.push(
        transactionRow(`benchtx${String(transactions.length).padStart(9, '0')}`, {
          recordId,
          type: TYPES[t % TYPES.length]!,
          valueDate,
          amountMinor,
          currency: currency.code,
          usd,
          rate: hasRate ? currency.perUsd : null,
          rateDate: hasRate ? `${year}-01-01` : null,
          adminId: o.adminId,
          at,
        }),
      );
    }
  }
  await db.transaction().execute(async (trx) => {
    await inBatches(records, (b) => trx.insertInto('commitment_records').values(b).execute());
    await inBatches(transactions, (b) =>
      trx.insertInto('funding_transactions').values(b).execute(),
    );
  });
  return {
    programs: programIds.length,
    donors: donorIds.length,
    records: records.length,
    transactions: transactions.length,
    withoutRate,
  };
}
