import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The oldest failure and the count of failures of each key since `since`. */
export async function countFailuresSince(
  db: Kysely<Database>,
  keys: string[],
  since: string,
): Promise<{ key: string; count: number; oldest: string }[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select((eb) => ['key', eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
    .where('key', 'in', keys)
    .where('at', '>', since)
    .groupBy('key')
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count), oldest: String(r.oldest) }));
}

/** Records one failed sign-in under each key. */
export async function insertFailures(
  db: Kysely<Database>,
  rows: { id: string; key: string; at: string }[],
): Promise<void> {
  await db.insertInto('login_failures').values(rows).execute();
}

/** Deletes failures older than the window; they no longer count. */
export async function pruneFailures(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<=', before).execute();
}
