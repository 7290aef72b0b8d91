import { Migrator } from 'kysely';
import { openDb, type Db } from '../db/client.js';
import { listMigrations } from '../db/migrate.js';

export type { Db };
/** Kysely's SQL template, for writing an earlier build's rows (tests have no Kysely of their own). */
export { sql } from 'kysely';

/**
 * Opens a database (SQLite in `dataDir`, or PostgreSQL at `databaseUrl`) migrated only up to
 * `last`, as an earlier build left it: upgrade tests write that build's rows into it, then
 * start the server, which applies the rest.
 */
export async function openDbMigratedTo(
  options: { dataDir: string; databaseUrl: string | null },
  last: string,
): Promise<Db> {
  const db = await openDb(options);
  const migrations = listMigrations(db, options.dataDir);
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error } = await migrator.migrateTo(last);
  if (error) {
    await db.close();
    throw error instanceof Error ? error : new Error(`migrating to ${last} failed`);
  }
  return db;
}
