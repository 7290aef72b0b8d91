import type { FastifyInstance } from 'fastify';
import { parseDecimal, type Modality, type TransactionType } from '@mesa/shared';
import { newId } from '../lib/ids.js';
import { addRecord, addTransaction, currencyDigits } from '../modules/funding/index.js';

/** A transaction for a test record: a decimal amount in its currency. */
export interface TestTransaction {
  type: TransactionType;
  amount: string;
  currency: string;
  valueDate: string;
  iatiRef?: string | null;
}

/** What a test may say about a commitment record; everything but the donor has a default. */
export interface CommitmentOverrides {
  donorOrganizationId: string;
  /** Null (the default) for a strategy-wide record. */
  programId?: string | null;
  receivingOrganizationId?: string | null;
  modality?: Modality;
  /** Who recorded it (null: as the seed does). */
  reportedBy?: string | null;
  conflicting?: boolean;
  alternativeOfId?: string | null;
  transactions?: TestTransaction[];
}

/**
 * Inserts a commitment record and its transactions through the module's own write path (each
 * converted at the rates stored then, each with its history entry), without REST or events.
 * Returns the record's id and its transactions' ids in order.
 */
export async function createCommitment(
  app: FastifyInstance,
  o: CommitmentOverrides,
): Promise<{ recordId: string; transactionIds: string[] }> {
  const stamp = { actorId: o.reportedBy ?? null, at: app.now().toISOString() };
  return app.ctx.db.transaction().execute(async (trx) => {
    const recordId = await addRecord(
      trx,
      {
        donorOrganizationId: o.donorOrganizationId,
        programId: o.programId ?? null,
        receivingOrganizationId: o.receivingOrganizationId ?? null,
        modality: o.modality ?? 'financial',
        descriptionEn: 'Test commitment',
        descriptionEs: 'Compromiso de prueba',
        sourceUrl: null,
        sourceReference: null,
        conflicting: o.conflicting ?? false,
        alternativeOfId: o.alternativeOfId ?? null,
        iatiIdentifier: null,
      },
      stamp,
    );
    const transactionIds: string[] = [];
    for (const t of o.transactions ?? []) {
      const digits = currencyDigits(t.currency);
      const amountMinor = digits === null ? null : parseDecimal(t.amount, digits);
      if (amountMinor === null) throw new Error(`bad test amount ${t.amount} ${t.currency}`);
      transactionIds.push(
        await addTransaction(
          trx,
          recordId,
          {
            type: t.type,
            valueDate: t.valueDate,
            amountMinor,
            currency: t.currency,
            note: '',
            iatiRef: t.iatiRef ?? null,
          },
          stamp,
        ),
      );
    }
    return { recordId, transactionIds };
  });
}

/** Stores an exchange rate directly (no re-conversion: use the rates route for that). */
export async function insertRate(
  app: FastifyInstance,
  rate: { currency: string; date: string; rate: string; source?: string; by: string },
): Promise<void> {
  const at = app.now().toISOString();
  await app.ctx.db
    .insertInto('exchange_rates')
    .values({
      id: newId(),
      currency: rate.currency,
      rate_date: rate.date,
      rate: rate.rate,
      source: rate.source ?? 'Test rate',
      updated_by: rate.by,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
