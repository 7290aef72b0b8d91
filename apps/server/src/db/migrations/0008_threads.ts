import type { Kysely } from 'kysely';

/**
 * Comment threads (issue 19): a thread on a subject (a document passage, a program, a
 * program's line on a priority round), its comments, and the writes counted for the
 * per-person limits. A document thread's anchor lives here, outside the Yjs document, as two
 * encoded relative positions plus the quote; `anchor_removed` is set only when a restore could
 * not re-anchor it (otherwise whether the passage still exists is computed on read).
 */
export function threads() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('threads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subject_kind', 'text', (c) => c.notNull())
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('program_id', 'text')
        .addColumn('anchor_start', 'text')
        .addColumn('anchor_end', 'text')
        .addColumn('anchor_quote', 'text')
        .addColumn('anchor_removed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema
        .createIndex('threads_subject_idx')
        .on('threads')
        .columns(['subject_kind', 'subject_key', 'created_at'])
        .execute();
      await db.schema
        .createTable('comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('thread_id', 'text', (c) =>
          c.notNull().references('threads.id').onDelete('cascade'),
        )
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('body', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('edited_at', 'text')
        .addColumn('deleted_at', 'text')
        .execute();
      await db.schema
        .createIndex('comments_thread_idx')
        .on('comments')
        .columns(['thread_id', 'created_at'])
        .execute();
      // One row per thread opened or comment posted or edited, for the per-minute limits
      // (counted in the database, so the limit holds across server nodes); pruned as it goes.
      await db.schema
        .createTable('comment_writes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('comment_writes_user_idx')
        .on('comment_writes')
        .columns(['user_id', 'kind', 'at'])
        .execute();
    },
  };
}
