import type { Kysely } from 'kysely';

/**
 * The inbox: notifications and each person's preferences per kind. A notification is unique
 * per recipient, kind and source (`comment:<id>`, `thread:<id>`), so a retried or duplicated
 * event never makes a second one. Its scope (`program` + id, or `workspace`) is what the reader
 * must still be allowed to read for it to be listed or counted. Plain types both SQLite and
 * PostgreSQL run.
 */
export function notifications() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('recipient_id', 'text', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_key', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('scope_kind', 'text', (c) => c.notNull())
        .addColumn('scope_id', 'text')
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('excerpt', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addUniqueConstraint('notifications_once', ['recipient_id', 'kind', 'source_key'])
        .execute();
      await db.schema
        .createIndex('notifications_recipient_idx')
        .on('notifications')
        .columns(['recipient_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createTable('notification_preferences')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
        .execute();
    },
  };
}
