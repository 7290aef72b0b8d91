import { z } from 'zod';
import type { Kysely } from 'kysely';
import {
  ComponentIdSchema,
  ConfidenceSchema,
  OrganizationKindSchema,
  PriorityConfidenceSchema,
} from '@mesa/shared';
import type { Database } from '../schema.js';
import { readMeta, writeMeta } from '../meta.repository.js';
import { newId } from '../../lib/ids.js';
import { insertComponentRow, insertProgramRow } from '../../modules/portfolio/index.js';
import { insertOrganizationRow } from '../../modules/organizations/index.js';
import seedFile from './esca-seed.json' with { type: 'json' };

const SeedSchema = z.object({
  seedVersion: z.number().int().positive(),
  components: z.array(
    z.object({ id: ComponentIdSchema, titleEn: z.string(), titleEs: z.string() }),
  ),
  programs: z.array(
    z.object({
      code: z.string().nullable(),
      titleEn: z.string(),
      titleEs: z.string(),
      componentId: ComponentIdSchema,
      priority: z.boolean(),
      priorityConfidence: PriorityConfidenceSchema,
      confidence: ConfidenceSchema,
      notes: z.string().nullable().optional(),
    }),
  ),
  organizations: z.array(
    z.object({
      nameEn: z.string(),
      nameEs: z.string(),
      shortNameEn: z.string(),
      shortNameEs: z.string(),
      kind: OrganizationKindSchema,
      countryCode: z.string().length(2).nullable().optional(),
    }),
  ),
});

/** The parsed seed file shipped with the server. */
export type SeedData = z.infer<typeof SeedSchema>;

const SEED_KEY = 'seed_version';

/** Reads and validates the seed file that ships beside the server. */
export function loadSeedData(): SeedData {
  return SeedSchema.parse(seedFile);
}

/** Called inside the seeding transaction for each program created, e.g. to create its plan. */
export type ProgramSeededHook = (trx: Kysely<Database>, programId: string) => Promise<void>;

/**
 * Seeds the portfolio once per database. The applied version is recorded in `meta` in the
 * same transaction, so a later start never re-applies it over what people changed.
 * Returns true when it seeded.
 */
export async function seedDatabase(
  db: Kysely<Database>,
  options: { now: Date; onProgramSeeded?: ProgramSeededHook; data?: SeedData },
): Promise<boolean> {
  const data = options.data ?? loadSeedData();
  return db.transaction().execute(async (trx) => {
    if ((await readMeta(trx, SEED_KEY)) !== null) return false;
    const at = options.now.toISOString();
    for (const [index, c] of data.components.entries()) {
      await insertComponentRow(trx, {
        id: c.id,
        title_en: c.titleEn,
        title_es: c.titleEs,
        position: index + 1,
      });
    }
    for (const o of data.organizations) {
      await insertOrganizationRow(trx, {
        id: newId(),
        name_en: o.nameEn,
        name_es: o.nameEs,
        short_name_en: o.shortNameEn,
        short_name_es: o.shortNameEs,
        kind: o.kind,
        country_code: o.countryCode ?? null,
        created_at: at,
      });
    }
    for (const p of data.programs) {
      const id = newId();
      await insertProgramRow(trx, {
        id,
        code: p.code,
        title_en: p.titleEn,
        title_es: p.titleEs,
        component_id: p.componentId,
        priority: p.priority ? 1 : 0,
        priority_confidence: p.priorityConfidence,
        confidence: p.confidence,
        status: null,
        countries: '[]',
        estimated_cost_amount: null,
        estimated_cost_currency: null,
        notes: p.notes ?? null,
        created_at: at,
        updated_at: at,
      });
      await options.onProgramSeeded?.(trx, id);
    }
    await writeMeta(trx, SEED_KEY, String(data.seedVersion));
    return true;
  });
}
