import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../client.js';

/**
 * Collaborative documents: one row per document, its append-only Yjs updates (compacted into
 * one merged row from time to time) and its versions (full-state copies).
 */
export function documents(dialect: Dialect) {
  // SQLite stores bytes as blob, PostgreSQL as bytea; both come back as a Buffer.
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('documents')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      let updates = db.schema.createTable('document_updates');
      // An ever-increasing id orders updates and tells compaction which rows it replaced;
      // pg returns bigserial (int8) as a string, parsed as a number in db/client.ts.
      updates =
        dialect === 'postgres'
          ? updates.addColumn('id', 'bigserial', (c) => c.primaryKey())
          : updates.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
      await updates
        .addColumn('document', 'text', (c) =>
          c.notNull().references('documents.name').onDelete('cascade'),
        )
        .addColumn('update', sql.raw(bytes), (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('document_updates_document_idx')
        .on('document_updates')
        .columns(['document', 'id'])
        .execute();
      await db.schema
        .createTable('document_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document', 'text', (c) =>
          c.notNull().references('documents.name').onDelete('cascade'),
        )
        .addColumn('name', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', sql.raw(bytes), (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('document_versions_document_idx')
        .on('document_versions')
        .columns(['document', 'created_at'])
        .execute();
    },
  };
}
