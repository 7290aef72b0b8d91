import type { Kysely } from 'kysely';

/**
 * Priority rounds: a round (owner, closing time in UTC, visibility, state, the final board
 * frozen at close), its recorded reopenings, one ballot per delegation (entries as JSON, a
 * revision number for conditional updates) and every saved revision of each ballot.
 * Plain types both SQLite and PostgreSQL run.
 */
export function priorities() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('priority_rounds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('title_es', 'text', (c) => c.notNull())
        .addColumn('candidate_program_ids', 'text', (c) => c.notNull())
        .addColumn('places', 'integer', (c) => c.notNull())
        .addColumn('closes_at', 'text', (c) => c.notNull())
        .addColumn('results_visibility', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('closed_by', 'text', (c) => c.references('users.id'))
        .addColumn('final_board', 'text')
        .execute();
      await db.schema
        .createIndex('priority_rounds_state_idx')
        .on('priority_rounds')
        .columns(['state', 'closes_at'])
        .execute();
      await db.schema
        .createTable('priority_round_reopenings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('round_id', 'text', (c) =>
          c.notNull().references('priority_rounds.id').onDelete('cascade'),
        )
        .addColumn('reopened_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('reopened_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('ballots')
        .addColumn('round_id', 'text', (c) =>
          c.notNull().references('priority_rounds.id').onDelete('cascade'),
        )
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('entries', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ballots_pk', ['round_id', 'organization_id'])
        .execute();
      await db.schema
        .createTable('ballot_revisions')
        .addColumn('round_id', 'text', (c) =>
          c.notNull().references('priority_rounds.id').onDelete('cascade'),
        )
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('entries', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ballot_revisions_pk', ['round_id', 'organization_id', 'revision'])
        .execute();
    },
  };
}
