import type { Kysely } from 'kysely';

/**
 * Where a write-ahead journal's records stop being needed: the highest sequence number the
 * database holds, written in the same transaction as the records (see UpdateJournal). Used on
 * SQLite; PostgreSQL commits document changes directly and leaves it empty.
 */
export function journal() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('journal_checkpoints')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
