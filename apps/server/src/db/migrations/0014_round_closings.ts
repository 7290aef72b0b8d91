import type { Kysely } from 'kysely';

/**
 * A reopening keeps the closing it undid: when the round had closed, who closed it (null: at
 * its closing time) and the board frozen then (JSON), so reopening never erases a record.
 * Reopenings stored before this migration have no closing (nulls); nothing can restore it.
 * Plain nullable text columns both SQLite and PostgreSQL add in place.
 */
export function roundClosings() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('priority_round_reopenings')
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema
        .alterTable('priority_round_reopenings')
        .addColumn('closed_by', 'text', (c) => c.references('users.id'))
        .execute();
      await db.schema
        .alterTable('priority_round_reopenings')
        .addColumn('final_board', 'text')
        .execute();
    },
  };
}
