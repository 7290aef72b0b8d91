import {
  ErrorCodes,
  FundingDateSchema,
  RateSchema,
  convertToUsdMinor,
  parseRate,
  type ExchangeRate,
  type FileProblem,
  type PutExchangeRateInput,
} from '@mesa/shared';
import type { Kysely } from 'kysely';
import type { PolicyPerson } from '../../authz/index.js';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { usdText } from './conversion.js';
import { currencyDigits } from './currencies.js';
import type { ExchangeRateRow } from './funding.repository.js';
import { logFundingChange } from './funding.writes.js';
import { readMinor, readMinorOrNull } from './money-columns.js';
import {
  deleteRateRow,
  findRateOn,
  findRateRow,
  insertRateRow,
  listCurrencyRates,
  listRateRows,
  listTransactionsFrom,
  setTransactionConversion,
  updateRateRow,
} from './rates.repository.js';

/**
 * Exchange rates (docs/funding.md): admins add, correct, delete and import them; every change
 * re-converts, in the same database transaction, each transaction of that currency whose
 * governing rate (the latest on or before its value date) changed, with a
 * `transaction.reconverted` history entry by the admin. `funding.changed` (all) follows the
 * commit.
 */

/** The most lines (besides the header) a rates file may have. */
export const MAX_IMPORT_LINES = 5000;

type RateRowWithName = NonNullable<Awaited<ReturnType<typeof findRateRow>>>;

function presentRate(row: RateRowWithName): ExchangeRate {
  return {
    id: row.id,
    currency: row.currency,
    date: row.rate_date,
    rate: row.rate,
    source: row.source,
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    updatedAt: row.updated_at,
  };
}

/** Rates, by currency then newest date first; optionally of one currency. */
export async function listRates(ctx: ServiceContext, currency?: string): Promise<ExchangeRate[]> {
  return (await listRateRows(ctx.db, currency)).map(presentRate);
}

/** A rate as conversion uses it. */
export interface GoverningRate {
  rate: string;
  date: string;
  source: string;
}

/** The latest rate on or before the date among rates sorted oldest first, or null. */
export function governingRate(
  rates: readonly GoverningRate[],
  valueDate: string,
): GoverningRate | null {
  let found: GoverningRate | null = null;
  for (const r of rates) {
    if (r.date > valueDate) break;
    found = r;
  }
  return found;
}

/** A transaction's conversion at a governing rate (or "no rate"): cents, rate, date, source. */
export function conversionAt(
  amountMinor: bigint,
  digits: number,
  rate: GoverningRate | null,
): {
  usd_minor: bigint | null;
  rate: string | null;
  rate_date: string | null;
  rate_source: string | null;
} {
  const parsed = rate ? parseRate(rate.rate) : null;
  if (!rate || !parsed) return { usd_minor: null, rate: null, rate_date: null, rate_source: null };
  return {
    usd_minor: convertToUsdMinor(amountMinor, digits, parsed),
    rate: rate.rate,
    rate_date: rate.date,
    rate_source: rate.source,
  };
}

/**
 * Re-converts every transaction of the currency dated on or after `fromDate` whose conversion
 * differs under the rates stored now, recording `transaction.reconverted` (before and after:
 * usd, rate, rate date, source) by the actor. Returns how many changed. Runs in the caller's
 * transaction.
 */
export async function reconvertCurrency(
  trx: Kysely<Database>,
  currency: string,
  fromDate: string,
  stamp: { actorId: string; at: string },
): Promise<number> {
  const digits = currencyDigits(currency);
  if (digits === null || currency === 'USD') return 0;
  const rates = (await listCurrencyRates(trx, currency)).map((r: ExchangeRateRow) => ({
    rate: r.rate,
    date: r.rate_date,
    source: r.source,
  }));
  let changed = 0;
  for (const t of await listTransactionsFrom(trx, currency, fromDate)) {
    const next = conversionAt(
      readMinor(t.amount_minor),
      digits,
      governingRate(rates, t.value_date),
    );
    const usdBefore = readMinorOrNull(t.usd_minor);
    if (
      next.usd_minor === usdBefore &&
      next.rate === t.rate &&
      next.rate_date === t.rate_date &&
      next.rate_source === t.rate_source
    )
      continue;
    await setTransactionConversion(trx, t.id, next);
    await logFundingChange(trx, {
      recordId: t.record_id,
      transactionId: t.id,
      actorId: stamp.actorId,
      at: stamp.at,
      action: 'transaction.reconverted',
      before: {
        usd: usdBefore === null ? null : usdText(usdBefore),
        rate: t.rate,
        rateDate: t.rate_date,
        rateSource: t.rate_source,
      },
      after: {
        usd: next.usd_minor === null ? null : usdText(next.usd_minor),
        rate: next.rate,
        rateDate: next.rate_date,
        rateSource: next.rate_source,
      },
    });
    changed += 1;
  }
  return changed;
}

/** Adds the rate or corrects the one of that currency and date; stores it and re-converts. */
async function storeRate(
  trx: Kysely<Database>,
  input: PutExchangeRateInput,
  stamp: { actorId: string; at: string },
): Promise<{ id: string; added: boolean; changed: boolean }> {
  const existing = await findRateOn(trx, input.currency, input.date);
  if (existing) {
    const changed = existing.rate !== input.rate || existing.source !== input.source;
    if (changed)
      await updateRateRow(trx, existing.id, {
        rate: input.rate,
        source: input.source,
        updated_by: stamp.actorId,
        updated_at: stamp.at,
      });
    return { id: existing.id, added: false, changed };
  }
  const id = newId();
  await insertRateRow(trx, {
    id,
    currency: input.currency,
    rate_date: input.date,
    rate: input.rate,
    source: input.source,
    updated_by: stamp.actorId,
    created_at: stamp.at,
    updated_at: stamp.at,
  });
  return { id, added: true, changed: true };
}

function checkCurrency(currency: string): void {
  if (currency === 'USD' || currencyDigits(currency) === null)
    throw new AppError(
      400,
      ErrorCodes.validation,
      `${currency} is not a currency Mesa keeps rates for.`,
      'currency',
    );
}

function emitAll(ctx: ServiceContext, actor: PolicyPerson): void {
  ctx.events.emit('funding.changed', { programId: null, all: true, actorId: actor.userId });
}

/** Adds or corrects one rate and re-converts what it governs. */
export async function putRate(
  ctx: ServiceContext,
  actor: PolicyPerson,
  input: PutExchangeRateInput,
): Promise<{ rate: ExchangeRate; reconverted: number }> {
  checkCurrency(input.currency);
  const stamp = { actorId: actor.userId, at: ctx.now().toISOString() };
  const { id, reconverted } = await ctx.db.transaction().execute(async (trx) => {
    const stored = await storeRate(trx, input, stamp);
    const count = stored.changed
      ? await reconvertCurrency(trx, input.currency, input.date, stamp)
      : 0;
    return { id: stored.id, reconverted: count };
  });
  emitAll(ctx, actor);
  const row = await findRateRow(ctx.db, id);
  if (!row) throw new NotFoundError('exchange rate');
  return { rate: presentRate(row), reconverted };
}

/** Deletes a rate; what it governed falls back to an earlier rate, or to "no rate". */
export async function deleteRate(
  ctx: ServiceContext,
  actor: PolicyPerson,
  rateId: string,
): Promise<{ rate: null; reconverted: number }> {
  const row = await findRateRow(ctx.db, rateId);
  if (!row) throw new NotFoundError('exchange rate');
  const stamp = { actorId: actor.userId, at: ctx.now().toISOString() };
  const reconverted = await ctx.db.transaction().execute(async (trx) => {
    await deleteRateRow(trx, rateId);
    return reconvertCurrency(trx, row.currency, row.rate_date, stamp);
  });
  emitAll(ctx, actor);
  return { rate: null, reconverted };
}

/** Reads RFC 4180 CSV into records, each with the line it starts on. */
export function readCsv(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let atCellStart = true;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      cells.push(cell);
      records.push({ line: start, cells });
      cells = [];
      cell = '';
      atCellStart = true;
      line += 1;
      start = line;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: start, cells });
  }
  return records.filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
}

const HEADER = ['currency', 'date', 'rate', 'source'];
// What a spreadsheet would run as a formula (OWASP CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Checks a rates file: the header `currency,date,rate,source`, then one rate per line. Returns
 * the rates, or every problem by line (nothing is stored when there is any).
 */
export function parseRatesCsv(
  text: string,
): { ok: true; rates: PutExchangeRateInput[] } | { ok: false; problems: FileProblem[] } {
  const records = readCsv(text);
  const problems: FileProblem[] = [];
  const header = records[0];
  if (!header || header.cells.map((c) => c.trim().toLowerCase()).join(',') !== HEADER.join(',')) {
    return {
      ok: false,
      problems: [{ line: 1, message: `The first line must be the header ${HEADER.join(',')}.` }],
    };
  }
  const rows = records.slice(1);
  if (rows.length === 0) return { ok: false, problems: [{ line: 2, message: 'No rates.' }] };
  if (rows.length > MAX_IMPORT_LINES)
    return {
      ok: false,
      problems: [
        { line: MAX_IMPORT_LINES + 2, message: `At most ${MAX_IMPORT_LINES} rates per file.` },
      ],
    };
  const rates: PutExchangeRateInput[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const say = (message: string) => problems.push({ line, message });
    if (cells.length !== 4) {
      say(`Expected 4 cells (currency,date,rate,source), found ${cells.length}.`);
      continue;
    }
    const [currency, date, rate, source] = cells.map((c) => c.trim()) as [
      string,
      string,
      string,
      string,
    ];
    const raw = cells.find((c) => FORMULA_START.test(c) || FORMULA_START.test(c.trim()));
    if (raw !== undefined) {
      const lead = FORMULA_START.test(raw) ? raw[0]! : raw.trim()[0]!;
      const shown = lead === '\t' ? '\\t' : lead === '\r' ? '\\r' : lead;
      say(`A cell starts with "${shown}", like a spreadsheet formula; rates and sources never do.`);
      continue;
    }
    if (!/^[A-Z]{3}$/.test(currency) || currencyDigits(currency) === null)
      say(`Currency "${currency}" is not an ISO 4217 code Mesa accepts.`);
    else if (currency === 'USD') say('USD is the unit: it needs no rate.');
    if (!FundingDateSchema.safeParse(date).success) say(`Date "${date}" is not a YYYY-MM-DD date.`);
    if (!RateSchema.safeParse(rate).success)
      say(`Rate "${rate}" must be a positive decimal with at most 10 decimals.`);
    if (source.length === 0 || source.length > 300)
      say('The source must have 1 to 300 characters.');
    const key = `${currency} ${date}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) say(`${currency} on ${date} is already on line ${earlier}.`);
    else seen.set(key, line);
    rates.push({ currency, date, rate, source });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rates };
}

/** A refused rates file: 400 listing every problem by line. */
export class RatesFileError extends AppError {
  constructor(readonly problems: FileProblem[]) {
    super(400, ErrorCodes.validation, 'The file was refused; nothing was stored.', 'file');
  }
}

/** Imports a rates file, all or nothing, and re-converts what the rates govern. */
export async function importRates(
  ctx: ServiceContext,
  actor: PolicyPerson,
  text: string,
): Promise<{ added: number; corrected: number; reconverted: number }> {
  const parsed = parseRatesCsv(text);
  if (!parsed.ok) throw new RatesFileError(parsed.problems);
  const stamp = { actorId: actor.userId, at: ctx.now().toISOString() };
  const result = await ctx.db.transaction().execute(async (trx) => {
    let added = 0;
    let corrected = 0;
    const earliest = new Map<string, string>();
    for (const rate of parsed.rates) {
      const stored = await storeRate(trx, rate, stamp);
      if (stored.added) added += 1;
      else if (stored.changed) corrected += 1;
      if (!stored.changed) continue;
      const from = earliest.get(rate.currency);
      if (from === undefined || rate.date < from) earliest.set(rate.currency, rate.date);
    }
    let reconverted = 0;
    for (const [currency, from] of earliest)
      reconverted += await reconvertCurrency(trx, currency, from, stamp);
    return { added, corrected, reconverted };
  });
  emitAll(ctx, actor);
  return result;
}
