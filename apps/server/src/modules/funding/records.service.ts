import {
  type CreateCommitmentRecordInputSchema,
  type CreateTransactionInputSchema,
  ErrorCodes,
  commitmentAbilities,
  formatMinor,
  parseDecimal,
  type CommitmentAbilities,
  type CommitmentRecord,
  type CommitmentRecordsQuery,
  type FundingChange,
  TransactionTypeSchema,
  type TransactionType,
  type UpdateCommitmentRecordInput,
  type UpdateTransactionInput,
} from '@mesa/shared';
import type { z } from 'zod';
import type { Kysely } from 'kysely';
import {
  authorizeNewCommitment,
  loadProgramStandings,
  type PolicyPerson,
  type ProgramStandings,
} from '../../authz/index.js';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { convertAmount } from './conversion.js';
import { currencyDigits } from './currencies.js';
import {
  addRecord,
  addTransaction,
  recordSnapshot,
  transactionSnapshot,
  type NewRecord,
  logFundingChange,
} from './funding.writes.js';
import { readMinor, readMinorOrNull } from './money-columns.js';
import { byNewestValue, presentChanges, presentRecord } from './records.presenter.js';
import {
  deleteTransactionRow,
  existingOrganizationIds,
  findRecordRow,
  findTransactionRow,
  hasAlternatives,
  listChangeRows,
  listRecordRows,
  listTransactionRows,
  softDeleteRecordRow,
  touchRecord,
  updateRecordRow,
  updateTransactionRow,
  type RecordFilter,
  type RecordJoinedRow,
} from './records.repository.js';

/**
 * Commitment records and their transactions (docs/funding.md): recording, reading, editing
 * with revisions, soft deletion, confirmation, and the history of every change. Access is
 * checked by the routes' guards through `can()`; ownership named in a body is checked here.
 * Every write emits `funding.changed` after its commit.
 */

type CreateRecordInput = z.output<typeof CreateCommitmentRecordInputSchema>;
type CreateTransactionBody = z.output<typeof CreateTransactionInputSchema>;

/** A save that either went through or met a newer revision (nothing written). */
export type SaveResult =
  { ok: true; record: CommitmentRecord } | { ok: false; current: CommitmentRecord };

function invalid(field: string, message: string): AppError {
  return new AppError(400, ErrorCodes.validation, message, field);
}

function emitChanged(ctx: ServiceContext, actor: PolicyPerson, programIds: (string | null)[]) {
  for (const programId of new Set(programIds)) {
    ctx.events.emit('funding.changed', { programId, all: false, actorId: actor.userId });
  }
}

/**
 * Asks the record's receiving organization, if it names one, to confirm a transaction (the
 * inbox turns this into notifications): after one is recorded, or after a change cleared its
 * confirmation. Not when the receiving organization itself reported it.
 */
function askConfirmation(
  ctx: ServiceContext,
  actor: PolicyPerson,
  record: { id: string; program_id: string | null; receiving_organization_id: string | null },
  transaction: { id: string; type: TransactionType; amountMinor: bigint; currency: string },
  cleared: boolean,
  at: string,
) {
  const receiver = record.receiving_organization_id;
  if (receiver === null || receiver === actor.organizationId) return;
  ctx.events.emit('transaction.awaitsConfirmation', {
    recordId: record.id,
    transactionId: transaction.id,
    programId: record.program_id,
    receivingOrganizationId: receiver,
    actorId: actor.userId,
    type: transaction.type,
    amount: formatMinor(transaction.amountMinor, currencyDigits(transaction.currency) ?? 2),
    currency: transaction.currency,
    cleared,
    at,
  });
}

function abilitiesOf(
  actor: PolicyPerson,
  row: Pick<RecordJoinedRow, 'program_id' | 'donor_organization_id' | 'receiving_organization_id'>,
  standings: ProgramStandings,
): CommitmentAbilities {
  return commitmentAbilities(actor, {
    program: row.program_id === null ? null : standings.factsOf(row.program_id),
    donorIsOwn: row.donor_organization_id === actor.organizationId,
    receiverIsOwn: row.receiving_organization_id === actor.organizationId,
  });
}

/** The records matching the filter that the person may read, with transactions and abilities. */
async function readableRecords(
  ctx: ServiceContext,
  actor: PolicyPerson,
  filter: RecordFilter,
): Promise<CommitmentRecord[]> {
  const [rows, standings] = await Promise.all([
    listRecordRows(ctx.db, filter),
    loadProgramStandings(ctx, actor),
  ]);
  const readable = rows
    .map((row) => ({ row, abilities: abilitiesOf(actor, row, standings) }))
    .filter((r) => r.abilities.read);
  const transactions = await listTransactionRows(
    ctx.db,
    readable.map((r) => r.row.id),
  );
  const byRecord = new Map<string, typeof transactions>();
  for (const t of transactions) {
    const list = byRecord.get(t.record_id);
    if (list) list.push(t);
    else byRecord.set(t.record_id, [t]);
  }
  return readable
    .map(({ row, abilities }) => presentRecord(row, byRecord.get(row.id) ?? [], abilities))
    .sort(byNewestValue);
}

/** One record as the person sees it (the guard checked `read`); 404 when gone. */
export async function getRecord(
  ctx: ServiceContext,
  actor: PolicyPerson,
  recordId: string,
): Promise<CommitmentRecord> {
  const [record] = await readableRecords(ctx, actor, { id: recordId });
  if (!record) throw new NotFoundError('commitment record');
  return record;
}

/** A program's live records, newest value first (the guard checked the program's `read`). */
export function listProgramRecords(
  ctx: ServiceContext,
  actor: PolicyPerson,
  programId: string,
): Promise<CommitmentRecord[]> {
  return readableRecords(ctx, actor, { programId });
}

/** Strategy-wide records, or one donor's: only those the person may read. */
export function listRecords(
  ctx: ServiceContext,
  actor: PolicyPerson,
  query: CommitmentRecordsQuery,
): Promise<CommitmentRecord[]> {
  if (query.donorOrganizationId !== undefined) {
    return readableRecords(ctx, actor, { donorOrganizationId: query.donorOrganizationId }).then(
      (records) =>
        query.strategyWide === 'true' ? records.filter((r) => r.program === null) : records,
    );
  }
  if (query.strategyWide === 'true') return readableRecords(ctx, actor, { strategyWide: true });
  throw invalid('strategyWide', 'Name strategyWide=true or a donorOrganizationId.');
}

/** Checks that the organizations a record names exist (400 on the field otherwise). */
async function checkOrganizations(
  db: Kysely<Database>,
  fields: { donorOrganizationId?: string; receivingOrganizationId?: string | null },
): Promise<void> {
  const ids = [fields.donorOrganizationId, fields.receivingOrganizationId].filter(
    (id): id is string => typeof id === 'string',
  );
  const found = await existingOrganizationIds(db, ids);
  if (fields.donorOrganizationId !== undefined && !found.has(fields.donorOrganizationId))
    throw invalid('donorOrganizationId', 'No such organization.');
  if (
    typeof fields.receivingOrganizationId === 'string' &&
    !found.has(fields.receivingOrganizationId)
  )
    throw invalid('receivingOrganizationId', 'No such organization.');
}

/**
 * Checks `alternativeOfId`: an existing live record that is not itself an alternative figure,
 * and not the record being edited.
 */
async function checkAlternative(
  db: Kysely<Database>,
  alternativeOfId: string | null,
  selfId: string | null,
): Promise<void> {
  if (alternativeOfId === null) return;
  if (alternativeOfId === selfId)
    throw invalid('alternativeOfId', 'A record cannot be an alternative figure of itself.');
  if (selfId !== null && (await hasAlternatives(db, selfId)))
    throw invalid(
      'alternativeOfId',
      'Other records are alternative figures of this one; it cannot become one itself.',
    );
  const other = await findRecordRow(db, alternativeOfId);
  if (!other) throw invalid('alternativeOfId', 'No such commitment record.');
  if (other.alternative_of_id !== null)
    throw invalid(
      'alternativeOfId',
      'That record is itself an alternative figure; name the record it is an alternative of.',
    );
}

/** Records a commitment for the ownership in the body (which the person must be able to edit). */
export async function createRecord(
  ctx: ServiceContext,
  actor: PolicyPerson,
  input: CreateRecordInput,
): Promise<CommitmentRecord> {
  await authorizeNewCommitment(ctx, actor, {
    programId: input.programId,
    donorOrganizationId: input.donorOrganizationId,
    receivingOrganizationId: input.receivingOrganizationId,
  });
  await checkOrganizations(ctx.db, input);
  await checkAlternative(ctx.db, input.alternativeOfId, null);
  const stamp = { actorId: actor.userId, at: ctx.now().toISOString() };
  const id = await ctx.db
    .transaction()
    .execute((trx) => addRecord(trx, { ...input, iatiIdentifier: null }, stamp));
  emitChanged(ctx, actor, [input.programId]);
  return getRecord(ctx, actor, id);
}

const RECORD_FIELDS = [
  'donorOrganizationId',
  'programId',
  'receivingOrganizationId',
  'modality',
  'descriptionEn',
  'descriptionEs',
  'sourceUrl',
  'sourceReference',
  'conflicting',
  'alternativeOfId',
] as const;
type RecordField = (typeof RECORD_FIELDS)[number];

function recordFieldsOf(row: NonNullable<Awaited<ReturnType<typeof findRecordRow>>>): NewRecord {
  return {
    donorOrganizationId: row.donor_organization_id,
    programId: row.program_id,
    receivingOrganizationId: row.receiving_organization_id,
    modality: row.modality as NewRecord['modality'],
    descriptionEn: row.description_en,
    descriptionEs: row.description_es,
    sourceUrl: row.source_url,
    sourceReference: row.source_reference,
    conflicting: row.conflicting === 1,
    alternativeOfId: row.alternative_of_id,
    iatiIdentifier: row.iati_identifier,
  };
}

/** The fields whose value differs, as they were and as they become. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  keys: readonly string[],
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const was: Record<string, unknown> = {};
  const is: Record<string, unknown> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      was[key] = before[key];
      is[key] = after[key];
    }
  }
  return Object.keys(is).length === 0 ? null : { before: was, after: is };
}

/**
 * Changes a record's fields if it is still at `revision` (otherwise nothing is written and the
 * current record comes back). A new donor or program needs what recording it would need.
 */
export async function updateRecord(
  ctx: ServiceContext,
  actor: PolicyPerson,
  recordId: string,
  input: UpdateCommitmentRecordInput,
): Promise<SaveResult> {
  const row = await findRecordRow(ctx.db, recordId);
  if (!row) throw new NotFoundError('commitment record');
  const before = recordFieldsOf(row);
  const { revision, ...fields } = input;
  const after: NewRecord = { ...before };
  for (const key of RECORD_FIELDS) {
    const value = fields[key];
    if (value !== undefined) (after as unknown as Record<RecordField, unknown>)[key] = value;
  }
  if (
    after.donorOrganizationId !== before.donorOrganizationId ||
    after.programId !== before.programId ||
    after.receivingOrganizationId !== before.receivingOrganizationId
  ) {
    await authorizeNewCommitment(ctx, actor, after);
  }
  await checkOrganizations(ctx.db, fields);
  if (fields.alternativeOfId !== undefined)
    await checkAlternative(ctx.db, fields.alternativeOfId, recordId);
  const diff = changedFields(recordSnapshot(before), recordSnapshot(after), RECORD_FIELDS);
  const at = ctx.now().toISOString();
  const saved = await ctx.db.transaction().execute(async (trx) => {
    if (diff === null) return (await findRecordRow(trx, recordId))?.revision === revision;
    const ok = await updateRecordRow(trx, recordId, revision, {
      donor_organization_id: after.donorOrganizationId,
      program_id: after.programId,
      receiving_organization_id: after.receivingOrganizationId,
      modality: after.modality,
      description_en: after.descriptionEn,
      description_es: after.descriptionEs,
      source_url: after.sourceUrl,
      source_reference: after.sourceReference,
      conflicting: after.conflicting ? 1 : 0,
      alternative_of_id: after.alternativeOfId,
      updated_at: at,
    });
    if (!ok) return false;
    await logFundingChange(trx, {
      recordId: recordId,
      transactionId: null,
      actorId: actor.userId,
      at,
      action: 'record.updated',
      before: diff.before,
      after: diff.after,
    });
    return true;
  });
  if (!saved) return { ok: false, current: await getRecord(ctx, actor, recordId) };
  if (diff !== null) emitChanged(ctx, actor, [before.programId, after.programId]);
  return { ok: true, record: await getRecord(ctx, actor, recordId) };
}

/** Soft-deletes a record: it leaves every list and total; its history stays. */
export async function deleteRecord(
  ctx: ServiceContext,
  actor: PolicyPerson,
  recordId: string,
): Promise<void> {
  const row = await findRecordRow(ctx.db, recordId);
  if (!row) throw new NotFoundError('commitment record');
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await softDeleteRecordRow(trx, recordId, actor.userId, at)))
      throw new NotFoundError('commitment record');
    await logFundingChange(trx, {
      recordId: recordId,
      transactionId: null,
      actorId: actor.userId,
      at,
      action: 'record.deleted',
      before: recordSnapshot(recordFieldsOf(row)),
      after: null,
    });
  });
  emitChanged(ctx, actor, [row.program_id]);
}

/** A record's history, newest first (the guard checked `read`). */
export async function recordHistory(
  ctx: ServiceContext,
  recordId: string,
): Promise<FundingChange[]> {
  return presentChanges(await listChangeRows(ctx.db, recordId));
}

/**
 * Parses an amount in a currency into minor units: 400 on `currency` for a code Mesa does not
 * accept, on `amount` for too many decimals, too large, or zero.
 */
export function parseAmount(amount: string, currency: string): bigint {
  const digits = currencyDigits(currency);
  if (digits === null) throw invalid('currency', `${currency} is not a currency Mesa accepts.`);
  const fraction = amount.split('.')[1] ?? '';
  if (fraction.length > digits) {
    const decimals = digits === 0 ? 'no decimals' : `${digits} decimal${digits === 1 ? '' : 's'}`;
    throw invalid('amount', `${currency} has ${decimals}; this amount has ${fraction.length}.`);
  }
  const minor = parseDecimal(amount, digits);
  if (minor === null) throw invalid('amount', 'The amount is too large.');
  if (minor === 0n) throw invalid('amount', 'The amount cannot be zero.');
  return minor;
}

/** Adds a transaction to a record, converted at the rate on or before its value date. */
export async function createTransaction(
  ctx: ServiceContext,
  actor: PolicyPerson,
  recordId: string,
  input: CreateTransactionBody,
): Promise<CommitmentRecord> {
  const amountMinor = parseAmount(input.amount, input.currency);
  const row = await findRecordRow(ctx.db, recordId);
  if (!row) throw new NotFoundError('commitment record');
  const at = ctx.now().toISOString();
  const transactionId = await ctx.db.transaction().execute(async (trx) => {
    const id = await addTransaction(
      trx,
      recordId,
      {
        type: input.type,
        valueDate: input.valueDate,
        amountMinor,
        currency: input.currency,
        note: input.note,
        iatiRef: input.iatiRef,
      },
      { actorId: actor.userId, at },
    );
    await touchRecord(trx, recordId, at);
    return id;
  });
  emitChanged(ctx, actor, [row.program_id]);
  askConfirmation(
    ctx,
    actor,
    row,
    { id: transactionId, type: input.type, amountMinor, currency: input.currency },
    false,
    at,
  );
  return getRecord(ctx, actor, recordId);
}

type TransactionRow = NonNullable<Awaited<ReturnType<typeof findTransactionRow>>>;

function snapshotOf(t: TransactionRow): Record<string, unknown> {
  return transactionSnapshot({
    type: t.type,
    valueDate: t.value_date,
    amountMinor: readMinor(t.amount_minor),
    currency: t.currency,
    usdMinor: readMinorOrNull(t.usd_minor),
    rate: t.rate,
    rateDate: t.rate_date,
    note: t.note,
    iatiRef: t.iati_ref,
  });
}

async function transactionOf(
  db: Kysely<Database>,
  recordId: string,
  transactionId: string,
): Promise<TransactionRow> {
  const t = await findTransactionRow(db, recordId, transactionId);
  if (!t) throw new NotFoundError('transaction');
  return t;
}

/**
 * Changes a transaction if it is still at `revision`. A new amount, currency or value date is
 * converted again; any change to a confirmed transaction clears its confirmation.
 */
export async function updateTransaction(
  ctx: ServiceContext,
  actor: PolicyPerson,
  recordId: string,
  transactionId: string,
  input: UpdateTransactionInput,
): Promise<SaveResult> {
  const record = await findRecordRow(ctx.db, recordId);
  if (!record) throw new NotFoundError('commitment record');
  const t = await transactionOf(ctx.db, recordId, transactionId);
  const currency = input.currency ?? t.currency;
  // A new currency re-reads the amount against its digits (10.50 USD cannot become 10.50 JPY).
  const amountMinor =
    input.amount !== undefined || input.currency !== undefined
      ? parseAmount(input.amount ?? String(snapshotOf(t).amount), currency)
      : readMinor(t.amount_minor);
  const at = ctx.now().toISOString();
  // False when the revision is stale; else what the transaction became when the save cleared a
  // confirmation (it must be asked again), or null.
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const current = await findTransactionRow(trx, recordId, transactionId);
    if (!current || current.revision !== input.revision) return false;
    const next = {
      type: input.type ?? current.type,
      value_date: input.valueDate ?? current.value_date,
      amount_minor: amountMinor,
      currency,
      note: input.note ?? current.note,
      iati_ref: input.iatiRef === undefined ? current.iati_ref : input.iatiRef,
    };
    const reconvert =
      next.amount_minor !== readMinor(current.amount_minor) ||
      next.currency !== current.currency ||
      next.value_date !== current.value_date;
    const conversion = reconvert
      ? await convertAmount(trx, {
          amountMinor: next.amount_minor,
          currency: next.currency,
          valueDate: next.value_date,
        })
      : {
          usd_minor: readMinorOrNull(current.usd_minor),
          rate: current.rate,
          rate_date: current.rate_date,
          rate_source: current.rate_source,
        };
    const beforeSnap = snapshotOf(current);
    const afterSnap = transactionSnapshot({
      type: next.type,
      valueDate: next.value_date,
      amountMinor: next.amount_minor,
      currency: next.currency,
      usdMinor: conversion.usd_minor,
      rate: conversion.rate,
      rateDate: conversion.rate_date,
      note: next.note,
      iatiRef: next.iati_ref,
    });
    const diff = changedFields(beforeSnap, afterSnap, Object.keys(afterSnap));
    if (diff === null) return { cleared: null };
    const unconfirm = current.confirmed_by !== null;
    if (unconfirm) {
      diff.before.confirmedBy = current.confirmed_by;
      diff.before.confirmedAt = current.confirmed_at;
      diff.after.confirmedBy = null;
      diff.after.confirmedAt = null;
    }
    const ok = await updateTransactionRow(trx, transactionId, current.revision, {
      ...next,
      usd_minor: conversion.usd_minor,
      rate: conversion.rate,
      rate_date: conversion.rate_date,
      rate_source: conversion.rate_source,
      ...(unconfirm ? { confirmed_by: null, confirmed_at: null } : {}),
      updated_at: at,
    });
    if (!ok) return false;
    await logFundingChange(trx, {
      recordId: recordId,
      transactionId: transactionId,
      actorId: actor.userId,
      at,
      action: 'transaction.updated',
      before: diff.before,
      after: diff.after,
    });
    await touchRecord(trx, recordId, at);
    const type = TransactionTypeSchema.parse(next.type);
    return { cleared: unconfirm ? { type, amountMinor: next.amount_minor, currency } : null };
  });
  if (!saved) return { ok: false, current: await getRecord(ctx, actor, recordId) };
  emitChanged(ctx, actor, [record.program_id]);
  if (saved.cleared) {
    askConfirmation(ctx, actor, record, { id: transactionId, ...saved.cleared }, true, at);
  }
  return { ok: true, record: await getRecord(ctx, actor, recordId) };
}

/** Deletes a transaction; the history keeps what it was. */
export async function deleteTransaction(
  ctx: ServiceContext,
  actor: PolicyPerson,
  recordId: string,
  transactionId: string,
): Promise<CommitmentRecord> {
  const record = await findRecordRow(ctx.db, recordId);
  if (!record) throw new NotFoundError('commitment record');
  const t = await transactionOf(ctx.db, recordId, transactionId);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteTransactionRow(trx, transactionId);
    await logFundingChange(trx, {
      recordId: recordId,
      transactionId: transactionId,
      actorId: actor.userId,
      at,
      action: 'transaction.deleted',
      before: snapshotOf(t),
      after: null,
    });
    await touchRecord(trx, recordId, at);
  });
  emitChanged(ctx, actor, [record.program_id]);
  return getRecord(ctx, actor, recordId);
}

/**
 * Confirms a transaction as the person (a member of the receiving organization, or an admin:
 * the guard checked `confirm`), or withdraws the confirmation. Confirming a confirmed
 * transaction, or withdrawing an absent confirmation, changes nothing.
 */
export async function setConfirmation(
  ctx: ServiceContext,
  actor: PolicyPerson,
  recordId: string,
  transactionId: string,
  confirmed: boolean,
): Promise<CommitmentRecord> {
  const record = await findRecordRow(ctx.db, recordId);
  if (!record) throw new NotFoundError('commitment record');
  const t = await transactionOf(ctx.db, recordId, transactionId);
  if ((t.confirmed_by !== null) === confirmed) return getRecord(ctx, actor, recordId);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateTransactionRow(trx, transactionId, t.revision, {
      confirmed_by: confirmed ? actor.userId : null,
      confirmed_at: confirmed ? at : null,
      updated_at: at,
    });
    await logFundingChange(trx, {
      recordId,
      transactionId,
      actorId: actor.userId,
      at,
      action: confirmed ? 'transaction.confirmed' : 'transaction.unconfirmed',
      before: { confirmedBy: t.confirmed_by, confirmedAt: t.confirmed_at },
      after: { confirmedBy: confirmed ? actor.userId : null, confirmedAt: confirmed ? at : null },
    });
    await touchRecord(trx, recordId, at);
  });
  emitChanged(ctx, actor, [record.program_id]);
  return getRecord(ctx, actor, recordId);
}
