import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './client.js';
import { foundation } from './migrations/0001_foundation.js';
import { accounts } from './migrations/0002_accounts.js';
import { documents } from './migrations/0003_documents.js';
import { journal } from './migrations/0004_journal.js';
import { LEGACY_JOURNAL_FILE, dropJournal } from './migrations/0005_drop_journal.js';
import { leadRelations } from './migrations/0006_lead_relations.js';
import { organizationNames } from './migrations/0007_organization_names.js';
import { threads } from './migrations/0008_threads.js';
import { notifications } from './migrations/0009_notifications.js';
import { priorities } from './migrations/0010_priorities.js';
import { threadListIndex } from './migrations/0011_thread_list_index.js';
import { meetings } from './migrations/0012_meetings.js';
import { funding } from './migrations/0013_funding.js';
import { roundClosings } from './migrations/0014_round_closings.js';

/**
 * Every migration, in order. One list serves SQLite and PostgreSQL; a migration that must
 * differ by dialect receives it. Names sort lexically, so keep the numeric prefix.
 */
export function listMigrations(db: Db, dataDir: string): Record<string, Migration> {
  return {
    '0001_foundation': foundation(db.dialect),
    '0002_accounts': accounts(db.dialect),
    '0003_documents': documents(db.dialect),
    '0004_journal': journal(),
    '0005_drop_journal': dropJournal(db.dialect, dataDir),
    '0006_lead_relations': leadRelations(),
    '0007_organization_names': organizationNames(),
    '0008_threads': threads(),
    '0009_notifications': notifications(),
    '0010_priorities': priorities(),
    '0011_thread_list_index': threadListIndex(),
    '0012_meetings': meetings(),
    '0013_funding': funding(),
    '0014_round_closings': roundClosings(),
  };
}

/**
 * Applies every pending migration; throws with the failing migration's name. `dataDir` is
 * where files of earlier builds may wait to be migrated (SQLite).
 */
export async function migrateToLatest(db: Db, dataDir: string): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: () => Promise.resolve(listMigrations(db, dataDir)),
  };
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  // Its records are in the database now (0005): the file of an earlier build can go.
  if (db.dialect === 'sqlite') rmSync(join(dataDir, LEGACY_JOURNAL_FILE), { force: true });
}
