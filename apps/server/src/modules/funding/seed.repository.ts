import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The funding seed's SQL: claiming its meta key, and finding what it maps donors onto. */

/**
 * Records `key` in `meta` unless it is there; true when this call recorded it. Concurrent
 * callers (a server and `pnpm demo`) serialize on the key: exactly one gets true.
 */
export async function claimMetaKey(
  db: Kysely<Database>,
  key: string,
  value: string,
): Promise<boolean> {
  const result = await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Organization ids by English name. */
export async function organizationIdsByName(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organizations').select(['id', 'name_en']).execute();
  return new Map(rows.map((r) => [r.name_en, r.id]));
}

/** Program ids by code. */
export async function programIdsByCode(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('programs')
    .select(['id', 'code'])
    .where('code', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.code!, r.id]));
}

/** Ids of records already seeded, by seed key. */
export async function seededRecordIds(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('commitment_records')
    .select(['id', 'seed_key'])
    .where('seed_key', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.seed_key!, r.id]));
}
