import type { Kysely } from 'kysely';
import { formatMinor, type FundingChange, type Modality, type TransactionType } from '@mesa/shared';
import type { Database } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { convertAmount, usdText } from './conversion.js';
import { currencyDigits } from './currencies.js';
import {
  insertCommitmentRecordRow,
  insertFundingChangeRow,
  insertFundingTransactionRow,
} from './funding.repository.js';

/**
 * The write paths every way of recording goes through (the records service, the seed, the
 * IATI import): a record or a transaction is inserted with its history entry in the caller's
 * transaction, and a transaction is converted to USD as it is stored. Authorization, domain
 * events and replies stay with the caller.
 */

/** A record's fields as recorded. */
export interface NewRecord {
  donorOrganizationId: string;
  programId: string | null;
  receivingOrganizationId: string | null;
  modality: Modality;
  descriptionEn: string;
  descriptionEs: string;
  sourceUrl: string | null;
  sourceReference: string | null;
  conflicting: boolean;
  alternativeOfId: string | null;
  iatiIdentifier: string | null;
  seedKey?: string | null;
}

/** A transaction's fields as recorded; the amount in minor units of its currency. */
export interface NewTransaction {
  type: TransactionType;
  valueDate: string;
  amountMinor: bigint;
  currency: string;
  note: string;
  iatiRef: string | null;
  importId?: string | null;
}

/** Who and when: the person from the session (null only for the seed) and the time. */
export interface WriteStamp {
  actorId: string | null;
  at: string;
}

/** One entry of a record's history: who, when, what, and the changed fields before and after. */
export interface FundingChangeEntry {
  recordId: string;
  transactionId: string | null;
  /** From the session; null only for the seed. */
  actorId: string | null;
  at: string;
  action: FundingChange['action'];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Writes one history entry in the caller's transaction (every funding write goes through here). */
export async function logFundingChange(
  trx: Kysely<Database>,
  change: FundingChangeEntry,
): Promise<void> {
  await insertFundingChangeRow(trx, {
    id: newId(),
    record_id: change.recordId,
    transaction_id: change.transactionId,
    actor_id: change.actorId,
    at: change.at,
    action: change.action,
    before: change.before === null ? null : JSON.stringify(change.before),
    after: change.after === null ? null : JSON.stringify(change.after),
  });
}

/** The record as its history shows it (API names). */
export function recordSnapshot(record: NewRecord): Record<string, unknown> {
  const { seedKey: _seedKey, ...fields } = record;
  return fields;
}

/** A transaction as its history shows it (API names, amounts as decimals). */
export function transactionSnapshot(t: {
  type: string;
  valueDate: string;
  amountMinor: bigint;
  currency: string;
  usdMinor: bigint | null;
  rate: string | null;
  rateDate: string | null;
  note: string;
  iatiRef: string | null;
}): Record<string, unknown> {
  const digits = currencyDigits(t.currency) ?? 2;
  return {
    type: t.type,
    valueDate: t.valueDate,
    amount: formatMinor(t.amountMinor, digits),
    currency: t.currency,
    usd: t.usdMinor === null ? null : usdText(t.usdMinor),
    rate: t.rate,
    rateDate: t.rateDate,
    note: t.note,
    iatiRef: t.iatiRef,
  };
}

/** Inserts a record and its `record.created` entry; returns its id. */
export async function addRecord(
  trx: Kysely<Database>,
  record: NewRecord,
  stamp: WriteStamp,
): Promise<string> {
  const id = newId();
  await insertCommitmentRecordRow(trx, {
    id,
    donor_organization_id: record.donorOrganizationId,
    program_id: record.programId,
    receiving_organization_id: record.receivingOrganizationId,
    modality: record.modality,
    description_en: record.descriptionEn,
    description_es: record.descriptionEs,
    source_url: record.sourceUrl,
    source_reference: record.sourceReference,
    conflicting: record.conflicting ? 1 : 0,
    alternative_of_id: record.alternativeOfId,
    iati_identifier: record.iatiIdentifier,
    seed_key: record.seedKey ?? null,
    created_by: stamp.actorId,
    created_at: stamp.at,
    updated_at: stamp.at,
    revision: 1,
    deleted_at: null,
    deleted_by: null,
  });
  await logFundingChange(trx, {
    recordId: id,
    transactionId: null,
    actorId: stamp.actorId,
    at: stamp.at,
    action: 'record.created',
    before: null,
    after: recordSnapshot(record),
  });
  return id;
}

/**
 * Inserts a transaction converted at the rate on or before its value date, and its
 * `transaction.created` entry; returns its id. The amount must already fit its currency.
 */
export async function addTransaction(
  trx: Kysely<Database>,
  recordId: string,
  t: NewTransaction,
  stamp: WriteStamp,
): Promise<string> {
  const id = newId();
  const conversion = await convertAmount(trx, t);
  await insertFundingTransactionRow(trx, {
    id,
    record_id: recordId,
    type: t.type,
    value_date: t.valueDate,
    amount_minor: t.amountMinor,
    currency: t.currency,
    usd_minor: conversion.usd_minor,
    rate: conversion.rate,
    rate_date: conversion.rate_date,
    rate_source: conversion.rate_source,
    iati_ref: t.iatiRef,
    note: t.note,
    import_id: t.importId ?? null,
    reported_by: stamp.actorId,
    reported_at: stamp.at,
    confirmed_by: null,
    confirmed_at: null,
    updated_at: stamp.at,
    revision: 1,
  });
  await logFundingChange(trx, {
    recordId,
    transactionId: id,
    actorId: stamp.actorId,
    at: stamp.at,
    action: 'transaction.created',
    before: null,
    after: transactionSnapshot({
      ...t,
      usdMinor: conversion.usd_minor,
      rate: conversion.rate,
      rateDate: conversion.rate_date,
    }),
  });
  return id;
}
