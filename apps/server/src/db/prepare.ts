import type { Config } from '../env.js';
import type { Clock } from '../lib/clock.js';
import { createPlanDocument } from '../modules/documents/index.js';
import { seedFunding } from '../modules/funding/index.js';
import type { Db } from './client.js';
import { migrateToLatest } from './migrate.js';
import { seedDatabase } from './seed/seed.js';

/**
 * Brings an open database up to date: every pending migration, then the portfolio seed (once
 * per seed version), then the documented commitments (once per database, new or upgraded: they
 * need the seeded organizations and programs). Both are idempotent, so the server and tools such as `pnpm demo` may run
 * it on the same database, one after the other or side by side.
 */
export async function prepareDatabase(db: Db, config: Config, now: Clock): Promise<void> {
  await migrateToLatest(db, config.dataDir);
  // Seeded programs get their plan, with its template, in the workspace's default language.
  await seedDatabase(db.kysely, {
    now: now(),
    onProgramSeeded: async (trx, programId) => {
      await createPlanDocument(trx, programId, config.defaultLocale, now());
    },
  });
  await seedFunding(db.kysely, { now: now() });
}
