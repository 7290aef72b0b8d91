import { sql, type Kysely } from 'kysely';
import type { FundingFilters } from '@mesa/shared';
import type { Database } from '../../db/schema.js';

/**
 * The dashboard's SQL (docs/funding.md, "The dashboard and the scorecard"). Sums are integer
 * sums of minor units in SQL: SQLite returns them as exact integers (numbers), PostgreSQL's
 * sum(bigint) as numeric text; callers read both with `readMinor`.
 */

/** USD sums of a group of records, with each record's funding taken before adding. */
export interface FundingSumsRow {
  pledged: number | string;
  committed: number | string;
  disbursed: number | string;
  expended: number | string;
  /** Sum over the group's records of the larger of their commitments and disbursements. */
  funding: number | string;
  without_rate: number | string;
}

/** Sums of the records of one program (null: strategy-wide), donor and modality. */
export interface RecordGroupRow extends FundingSumsRow {
  program_id: string | null;
  donor_organization_id: string;
  modality: string;
}

/** Sums in one currency, in USD and in the currency's own minor units. */
export interface CurrencyRow extends FundingSumsRow {
  currency: string;
  pledged_native: number | string;
  committed_native: number | string;
  disbursed_native: number | string;
}

/** Sums of the transactions dated in one year. */
export interface YearRow extends FundingSumsRow {
  year: string;
}

/** The dashboard's three groupings, each a handful of rows. */
export interface FundingSums {
  records: RecordGroupRow[];
  currencies: CurrencyRow[];
  years: YearRow[];
}

const typeSum = (type: string, column: 'usd_minor' | 'amount_minor') =>
  sql<
    number | string
  >`coalesce(sum(case when t.type = ${type} then t.${sql.ref(column)} else 0 end), 0)`;

const outerSum = (column: string) => sql<number | string>`sum(${sql.ref(`x.${column}`)})`;

/**
 * Adds up the transactions in SQL, as integers, in two steps: per record (and per currency or
 * year of value date when `part` says so) the sums of each type, then per group the sums of
 * those with each record's funding — the larger of its commitments and its disbursements —
 * taken before adding (docs/funding.md). Transactions without a USD value add nothing to the
 * USD sums and are counted in `without_rate`. Deleted records and alternative figures are left
 * out. The transaction filters (currency, years) apply in the first step, the records' filters
 * (program, component, priority, donor, modality) in the second.
 */
function sumsQuery(
  db: Kysely<Database>,
  filters: FundingFilters,
  programId: string | undefined,
  part: 'currency' | 'year' | null,
) {
  const partKey =
    part === 'currency'
      ? sql<string>`t.currency`
      : part === 'year'
        ? sql<string>`substr(t.value_date, 1, 4)`
        : sql<string>`''`;
  // The records within the filters first, then their transactions through the index on
  // `record_id`: a plan that stays cheap even when the planner's row counts are stale (right
  // after a large import), where grouping every transaction before the join would not.
  let perRecord = db
    .selectFrom('commitment_records as r')
    .leftJoin('programs as p', 'p.id', 'r.program_id')
    .innerJoin('funding_transactions as t', 't.record_id', 'r.id')
    .where('r.deleted_at', 'is', null)
    .where('r.alternative_of_id', 'is', null)
    .select([
      'r.id as record_id',
      'r.program_id',
      'r.donor_organization_id',
      'r.modality',
      typeSum('pledge', 'usd_minor').as('pledged'),
      typeSum('commitment', 'usd_minor').as('committed'),
      typeSum('disbursement', 'usd_minor').as('disbursed'),
      typeSum('expenditure', 'usd_minor').as('expended'),
      typeSum('pledge', 'amount_minor').as('pledged_native'),
      typeSum('commitment', 'amount_minor').as('committed_native'),
      typeSum('disbursement', 'amount_minor').as('disbursed_native'),
      sql<number | string>`sum(case when t.usd_minor is null then 1 else 0 end)`.as('without_rate'),
      partKey.as('part'),
    ])
    .groupBy([
      'r.id',
      'r.program_id',
      'r.donor_organization_id',
      'r.modality',
      ...(part === null ? [] : [partKey]),
    ]);
  if (filters.currency !== undefined)
    perRecord = perRecord.where('t.currency', '=', filters.currency);
  if (filters.fromYear !== undefined)
    perRecord = perRecord.where('t.value_date', '>=', `${filters.fromYear}-01-01`);
  if (filters.toYear !== undefined)
    perRecord = perRecord.where('t.value_date', '<=', `${filters.toYear}-12-31`);
  if (programId !== undefined) perRecord = perRecord.where('r.program_id', '=', programId);
  if (filters.componentId !== undefined)
    perRecord = perRecord.where('p.component_id', '=', filters.componentId);
  if (filters.priority !== undefined)
    perRecord = perRecord.where('p.priority', '=', filters.priority === 'true' ? 1 : 0);
  if (filters.donorOrganizationId !== undefined)
    perRecord = perRecord.where('r.donor_organization_id', '=', filters.donorOrganizationId);
  if (filters.modality !== undefined)
    perRecord = perRecord.where('r.modality', '=', filters.modality);
  const query = db.selectFrom(perRecord.as('x'));
  return query.select([
    outerSum('pledged').as('pledged'),
    outerSum('committed').as('committed'),
    outerSum('disbursed').as('disbursed'),
    outerSum('expended').as('expended'),
    sql<
      number | string
    >`sum(case when x.committed >= x.disbursed then x.committed else x.disbursed end)`.as(
      'funding',
    ),
    outerSum('without_rate').as('without_rate'),
    outerSum('pledged_native').as('pledged_native'),
    outerSum('committed_native').as('committed_native'),
    outerSum('disbursed_native').as('disbursed_native'),
  ]);
}

/**
 * The dashboard's sums within the filters (with `programId`, that program's records only):
 * by program, donor and modality; by currency; by year. A few thousand rows at most, however
 * many transactions there are.
 */
export async function sumFunding(
  db: Kysely<Database>,
  filters: FundingFilters,
  programId?: string,
): Promise<FundingSums> {
  const [records, currencies, years] = await Promise.all([
    sumsQuery(db, filters, programId, null)
      .select(['x.program_id', 'x.donor_organization_id', 'x.modality'])
      .groupBy(['x.program_id', 'x.donor_organization_id', 'x.modality'])
      .execute(),
    sumsQuery(db, filters, programId, 'currency').select('x.part').groupBy('x.part').execute(),
    sumsQuery(db, filters, programId, 'year').select('x.part').groupBy('x.part').execute(),
  ]);
  return {
    records,
    currencies: currencies.map((row) => ({ ...row, currency: row.part })),
    years: years.map((row) => ({ ...row, year: row.part })),
  };
}

/** Records the sources dispute (marked conflicting, or an alternative figure) within the filters. */
export async function countConflictingRecords(
  db: Kysely<Database>,
  filters: FundingFilters,
): Promise<number> {
  let query = db
    .selectFrom('commitment_records as r')
    .leftJoin('programs as p', 'p.id', 'r.program_id')
    .where('r.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('r.conflicting', '=', 1), eb('r.alternative_of_id', 'is not', null)]));
  if (filters.componentId !== undefined)
    query = query.where('p.component_id', '=', filters.componentId);
  if (filters.priority !== undefined)
    query = query.where('p.priority', '=', filters.priority === 'true' ? 1 : 0);
  if (filters.donorOrganizationId !== undefined)
    query = query.where('r.donor_organization_id', '=', filters.donorOrganizationId);
  if (filters.modality !== undefined) query = query.where('r.modality', '=', filters.modality);
  if (
    filters.currency !== undefined ||
    filters.fromYear !== undefined ||
    filters.toYear !== undefined
  ) {
    // Only records with a transaction in the currency and years asked for.
    query = query.where((eb) =>
      eb.exists(
        (() => {
          let sub = eb
            .selectFrom('funding_transactions as t')
            .select(sql`1`.as('one'))
            .whereRef('t.record_id', '=', 'r.id');
          if (filters.currency !== undefined) sub = sub.where('t.currency', '=', filters.currency);
          if (filters.fromYear !== undefined)
            sub = sub.where('t.value_date', '>=', `${filters.fromYear}-01-01`);
          if (filters.toYear !== undefined)
            sub = sub.where('t.value_date', '<=', `${filters.toYear}-12-31`);
          return sub;
        })(),
      ),
    );
  }
  const row = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A program as the dashboard lists it. */
export interface DashboardProgramRow {
  id: string;
  code: string | null;
  title_en: string;
  title_es: string;
  component_id: string;
  priority: number;
  estimated_cost_amount: string | null;
  estimated_cost_currency: string | null;
}

/** The programs within the component and priority filters (or one program by id). */
export async function listDashboardPrograms(
  db: Kysely<Database>,
  filters: Pick<FundingFilters, 'componentId' | 'priority'>,
  programId?: string,
): Promise<DashboardProgramRow[]> {
  let query = db
    .selectFrom('programs')
    .select([
      'id',
      'code',
      'title_en',
      'title_es',
      'component_id',
      'priority',
      'estimated_cost_amount',
      'estimated_cost_currency',
    ]);
  if (programId !== undefined) query = query.where('id', '=', programId);
  if (filters.componentId !== undefined)
    query = query.where('component_id', '=', filters.componentId);
  if (filters.priority !== undefined)
    query = query.where('priority', '=', filters.priority === 'true' ? 1 : 0);
  return query.execute();
}

/** The components with their titles, in their order. */
export async function listComponentTitles(
  db: Kysely<Database>,
): Promise<{ id: string; title_en: string; title_es: string }[]> {
  return db
    .selectFrom('components')
    .select(['id', 'title_en', 'title_es'])
    .orderBy('position')
    .execute();
}

/** Organizations by id (names in both languages). */
export async function listOrganizationNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<
  { id: string; name_en: string; name_es: string; short_name_en: string; short_name_es: string }[]
> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organizations')
    .select(['id', 'name_en', 'name_es', 'short_name_en', 'short_name_es'])
    .where('id', 'in', [...ids])
    .execute();
}

/** The latest rate of each of these currencies (for estimated costs). */
export async function latestRates(
  db: Kysely<Database>,
  currencies: readonly string[],
): Promise<Map<string, string>> {
  if (currencies.length === 0) return new Map();
  const rows = await db
    .selectFrom('exchange_rates as e')
    .select(['e.currency', 'e.rate'])
    .where('e.currency', 'in', [...currencies])
    .where((eb) =>
      eb(
        'e.rate_date',
        '=',
        eb
          .selectFrom('exchange_rates as l')
          .select((l) => l.fn.max('l.rate_date').as('d'))
          .whereRef('l.currency', '=', 'e.currency'),
      ),
    )
    .execute();
  return new Map(rows.map((r) => [r.currency, r.rate]));
}

/** One donor organization's scorecard counts. */
export interface ScorecardCountsRow {
  donor_organization_id: string;
  commitments: number | string;
  with_recent: number | string;
  unconfirmed: number | string;
}

/**
 * Per donor of a non-deleted record: its summed records (not alternative figures) with a
 * commitment, how many of those have a disbursement dated from `recentSince` to `today`, and
 * its transactions reported before `unconfirmedBeforeAt` and never confirmed.
 */
export async function scorecardCounts(
  db: Kysely<Database>,
  o: { recentSince: string; today: string; unconfirmedBeforeAt: string },
): Promise<ScorecardCountsRow[]> {
  const perRecord = db
    .selectFrom('commitment_records as r')
    .leftJoin('funding_transactions as t', 't.record_id', 'r.id')
    .where('r.deleted_at', 'is', null)
    .select([
      'r.id',
      'r.donor_organization_id',
      sql<number>`case when r.alternative_of_id is null then 0 else 1 end`.as('alternative'),
      sql<number>`max(case when t.type = 'commitment' then 1 else 0 end)`.as('has_commitment'),
      sql<number>`max(case when t.type = 'disbursement' and t.value_date >= ${o.recentSince} and t.value_date <= ${o.today} then 1 else 0 end)`.as(
        'has_recent',
      ),
      sql<number>`sum(case when t.id is not null and t.confirmed_at is null and t.reported_at < ${o.unconfirmedBeforeAt} then 1 else 0 end)`.as(
        'unconfirmed',
      ),
    ])
    .groupBy(['r.id', 'r.donor_organization_id', 'r.alternative_of_id'])
    .as('x');
  return db
    .selectFrom(perRecord)
    .select([
      'x.donor_organization_id',
      sql<
        number | string
      >`sum(case when x.alternative = 0 and x.has_commitment = 1 then 1 else 0 end)`.as(
        'commitments',
      ),
      sql<
        number | string
      >`sum(case when x.alternative = 0 and x.has_commitment = 1 and x.has_recent = 1 then 1 else 0 end)`.as(
        'with_recent',
      ),
      sql<number | string>`coalesce(sum(x.unconfirmed), 0)`.as('unconfirmed'),
    ])
    .groupBy('x.donor_organization_id')
    .execute();
}

/**
 * Per organization: the latest time one of its members reported or confirmed a transaction of a
 * non-deleted record (any record: a receiver confirms others' records).
 */
export async function lastActivityByOrganization(
  db: Kysely<Database>,
): Promise<Map<string, string>> {
  const reported = await db
    .selectFrom('funding_transactions as t')
    .innerJoin('commitment_records as r', 'r.id', 't.record_id')
    .innerJoin('users as u', 'u.id', 't.reported_by')
    .where('r.deleted_at', 'is', null)
    .select(['u.organization_id', (eb) => eb.fn.max('t.reported_at').as('at')])
    .groupBy('u.organization_id')
    .execute();
  const confirmed = await db
    .selectFrom('funding_transactions as t')
    .innerJoin('commitment_records as r', 'r.id', 't.record_id')
    .innerJoin('users as u', 'u.id', 't.confirmed_by')
    .where('r.deleted_at', 'is', null)
    .where('t.confirmed_at', 'is not', null)
    .select(['u.organization_id', (eb) => eb.fn.max('t.confirmed_at').as('at')])
    .groupBy('u.organization_id')
    .execute();
  const latest = new Map<string, string>();
  for (const row of [...reported, ...confirmed]) {
    const at = row.at;
    if (at === null) continue;
    const before = latest.get(row.organization_id);
    if (before === undefined || at > before) latest.set(row.organization_id, at);
  }
  return latest;
}

/** Whether a program exists. */
export async function programExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('programs').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
