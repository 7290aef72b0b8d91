import type { Scorecard, ScorecardRow, Locale } from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import {
  lastActivityByOrganization,
  listOrganizationNames,
  scorecardCounts,
} from './dashboard.repository.js';

/**
 * The reporting-freshness scorecard (docs/funding.md, "The dashboard and the scorecard"): per
 * donor organization of a non-deleted record, when its members last reported or confirmed a
 * transaction, the share of its records with a commitment that had a disbursement dated in the
 * last six months, and its transactions reported before a date and never confirmed.
 */

/** The scorecard's sort keys. */
export type ScorecardSort = 'donor' | 'lastActivity' | 'share' | 'unconfirmed';

/** `YYYY-MM-DD` of a UTC date. */
function dateOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The same day `months` months earlier (the last day of that month when it has fewer days). */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return dateOf(first);
}

/** `YYYY-MM-DD` `days` days before `today`. */
export function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return dateOf(d);
}

/**
 * Compares two rows' shares exactly (cross-multiplied): a donor without commitments has no
 * share and sorts after every share in either direction.
 */
function compareShare(a: ScorecardRow, b: ScorecardRow): number {
  if (a.commitments === 0 || b.commitments === 0) return 0;
  return a.withRecentDisbursement * b.commitments - b.withRecentDisbursement * a.commitments;
}

/** Sorts rows: `sort` then the donor's name in `locale`; rows without a value last. */
export function sortScorecard(
  rows: ScorecardRow[],
  sort: ScorecardSort,
  direction: 'asc' | 'desc',
  locale: Locale,
): ScorecardRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: ScorecardRow, b: ScorecardRow) =>
    a.donor.name[locale].localeCompare(b.donor.name[locale], locale);
  return [...rows].sort((a, b) => {
    if (sort === 'donor') return sign * byName(a, b);
    if (sort === 'lastActivity') {
      if (a.lastActivityAt !== b.lastActivityAt) {
        if (a.lastActivityAt === null) return 1;
        if (b.lastActivityAt === null) return -1;
        return sign * (a.lastActivityAt < b.lastActivityAt ? -1 : 1);
      }
      return byName(a, b);
    }
    if (sort === 'share') {
      const aNone = a.commitments === 0;
      const bNone = b.commitments === 0;
      if (aNone !== bNone) return aNone ? 1 : -1;
      return sign * compareShare(a, b) || byName(a, b);
    }
    return sign * (a.unconfirmed - b.unconfirmed) || byName(a, b);
  });
}

/** `GET /api/funding/scorecard`. */
export async function getScorecard(
  ctx: ServiceContext,
  query: { unconfirmedBefore?: string; sort?: ScorecardSort; direction?: 'asc' | 'desc' },
  locale: Locale,
): Promise<Scorecard> {
  const today = dateOf(ctx.now());
  const recentSince = monthsBefore(today, 6);
  const unconfirmedBefore = query.unconfirmedBefore ?? daysBefore(today, 90);
  const [counts, latest] = await Promise.all([
    scorecardCounts(ctx.db, {
      recentSince,
      today,
      unconfirmedBeforeAt: `${unconfirmedBefore}T00:00:00.000Z`,
    }),
    lastActivityByOrganization(ctx.db),
  ]);
  const organizations = new Map(
    (
      await listOrganizationNames(
        ctx.db,
        counts.map((c) => c.donor_organization_id),
      )
    ).map((o) => [o.id, o]),
  );
  const rows: ScorecardRow[] = counts.map((c) => {
    const o = organizations.get(c.donor_organization_id);
    return {
      donor: {
        id: c.donor_organization_id,
        name: { en: o?.name_en ?? '', es: o?.name_es ?? '' },
        shortName: { en: o?.short_name_en ?? '', es: o?.short_name_es ?? '' },
      },
      lastActivityAt: latest.get(c.donor_organization_id) ?? null,
      commitments: Number(c.commitments),
      withRecentDisbursement: Number(c.with_recent),
      unconfirmed: Number(c.unconfirmed),
    };
  });
  return {
    unconfirmedBefore,
    recentSince,
    rows: sortScorecard(rows, query.sort ?? 'donor', query.direction ?? 'asc', locale),
  };
}
