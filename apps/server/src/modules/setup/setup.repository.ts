import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Stores a new setup token's hash. */
export async function insertSetupToken(db: Kysely<Database>, hash: string, at: string) {
  await db.insertInto('setup_tokens').values({ token_hash: hash, created_at: at }).execute();
}

/** Deletes every unused setup token (a new start prints a new link; the old one dies). */
export async function deleteUnusedSetupTokens(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('setup_tokens').where('used_at', 'is', null).execute();
}

/** Whether an unused token with this hash exists. */
export async function unusedSetupTokenExists(db: Kysely<Database>, hash: string) {
  const row = await db
    .selectFrom('setup_tokens')
    .select('token_hash')
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks a token used if it was unused; true for the one caller that wins. */
export async function claimSetupToken(db: Kysely<Database>, hash: string, at: string) {
  const rows = await db
    .updateTable('setup_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .returning('token_hash')
    .execute();
  return rows.length > 0;
}
