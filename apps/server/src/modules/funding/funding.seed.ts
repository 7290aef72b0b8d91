import { z } from 'zod';
import type { Kysely } from 'kysely';
import { FundingDateSchema, parseDecimal, TransactionTypeSchema } from '@mesa/shared';
import type { Database } from '../../db/schema.js';
import seedFile from '../../db/seed/esca-funding.json' with { type: 'json' };
import { currencyDigits } from './currencies.js';
import { addRecord, addTransaction } from './funding.writes.js';
import {
  claimMetaKey,
  organizationIdsByName,
  programIdsByCode,
  seededRecordIds,
} from './seed.repository.js';

/**
 * The documented commitments (../shared/data/esca-domain.json `commitments`, copied with their
 * sources into db/seed/esca-funding.json) as commitment records with one transaction each
 * (docs/funding.md, "The seed"). Seeded once per database, new or upgraded: the meta key
 * `funding_seed_version` is claimed in the same transaction (a server and `pnpm demo` starting
 * together serialize on it), and each record carries its unique `seed_key`. No rates.
 */

const SourceSchema = z.object({ id: z.string(), url: z.url(), title: z.string() });

const SeedRecordSchema = z.object({
  key: z.string().min(1),
  /** The donor's organization, by its English name as Mesa's seed names it. */
  donor: z.string(),
  /** The other donor of a joint commitment, recorded under `donor` (said in the description). */
  jointWith: z.string().nullable(),
  /** The program's code; null = strategy-wide. */
  program: z.string().nullable(),
  /** The source does not state the program: the link is inferred (said in the description). */
  programInferred: z.boolean(),
  type: TransactionTypeSchema,
  amount: z.string(),
  currency: z.string(),
  /** YYYY-MM-DD, or YYYY-MM when the source gives only the month. */
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  sources: z.array(z.string()).min(1),
  conflicting: z.boolean(),
  /** The seed key of the record this one is the alternative figure of. */
  alternativeOf: z.string().nullable(),
  descriptionEn: z.string().min(1),
  descriptionEs: z.string().min(1),
  /** The commitment's type as the domain file words it. */
  documentedAs: z.string(),
  /** The donor as the domain file words it. */
  documentedDonor: z.string(),
});

const FundingSeedSchema = z.object({
  fundingSeedVersion: z.number().int().positive(),
  sources: z.array(SourceSchema),
  records: z.array(SeedRecordSchema),
});

/** The parsed funding seed file. */
export type FundingSeedData = z.infer<typeof FundingSeedSchema>;

/** The meta key recording that the funding seed was applied. */
export const FUNDING_SEED_KEY = 'funding_seed_version';

/** Reads and validates the funding seed file that ships beside the server. */
export function loadFundingSeedData(): FundingSeedData {
  return FundingSeedSchema.parse(seedFile);
}

/** A month-only date becomes the first of the month, and the transaction's note says so. */
export function seedValueDate(date: string): { valueDate: string; note: string } {
  if (/^\d{4}-\d{2}$/.test(date)) {
    return {
      valueDate: `${date}-01`,
      note: `The source gives only the month (${date}); dated the first of the month.`,
    };
  }
  return { valueDate: FundingDateSchema.parse(date), note: '' };
}

/**
 * Seeds the documented commitments once per database; returns true when it did. Records whose
 * donor or program is not found (renamed since) are left out rather than guessed.
 */
export async function seedFunding(
  db: Kysely<Database>,
  options: { now: Date; data?: FundingSeedData },
): Promise<boolean> {
  const data = options.data ?? loadFundingSeedData();
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  return db.transaction().execute(async (trx) => {
    if (!(await claimMetaKey(trx, FUNDING_SEED_KEY, String(data.fundingSeedVersion)))) return false;
    const stamp = { actorId: null, at: options.now.toISOString() };
    const [organizations, programs, seeded] = await Promise.all([
      organizationIdsByName(trx),
      programIdsByCode(trx),
      seededRecordIds(trx),
    ]);
    for (const r of data.records) {
      if (seeded.has(r.key)) continue;
      const donorId = organizations.get(r.donor);
      const programId = r.program === null ? null : programs.get(r.program);
      const digits = currencyDigits(r.currency);
      const amountMinor = digits === null ? null : parseDecimal(r.amount, digits);
      if (donorId === undefined || programId === undefined || amountMinor === null) continue;
      const cited = r.sources.map((id) => sources.get(id)).filter((s) => s !== undefined);
      const recordId = await addRecord(
        trx,
        {
          donorOrganizationId: donorId,
          programId,
          receivingOrganizationId: null,
          modality: 'financial',
          descriptionEn: r.descriptionEn,
          descriptionEs: r.descriptionEs,
          sourceUrl: cited[0]?.url ?? null,
          sourceReference:
            cited
              .map((s) => s.title)
              .join('; ')
              .slice(0, 300) || null,
          conflicting: r.conflicting,
          alternativeOfId: r.alternativeOf === null ? null : (seeded.get(r.alternativeOf) ?? null),
          iatiIdentifier: null,
          seedKey: r.key,
        },
        stamp,
      );
      seeded.set(r.key, recordId);
      const { valueDate, note } = seedValueDate(r.date);
      await addTransaction(
        trx,
        recordId,
        {
          type: r.type,
          valueDate,
          amountMinor,
          currency: r.currency,
          note: [`Documented as "${r.documentedAs}" (${r.documentedDonor}).`, note]
            .filter(Boolean)
            .join(' '),
          iatiRef: null,
        },
        stamp,
      );
    }
    return true;
  });
}
