import { createHash } from 'node:crypto';
import {
  ErrorCodes,
  IATI_IMPORT_MAX_BYTES,
  IatiImportSchema,
  formatMinor,
  parseDecimal,
  type ConfirmIatiImportInput,
  type FileProblem,
  type FundingOrganization,
  type IatiImport,
  type IatiImportResult,
  type IatiPreviewActivity,
  type IatiPreviewTransaction,
  type TransactionType,
} from '@mesa/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../authz/actor.js';
import { authorizeNewCommitment } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, ConflictError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { convertAmount, usdText } from './conversion.js';
import { currencyDigits } from './currencies.js';
import { addRecord, addTransaction } from './funding.writes.js';
import {
  IatiFileError,
  readIatiFile,
  schemaProblems,
  type RawActivity,
  type RawOrg,
  type RawTransaction,
} from './iati-reader.js';
import {
  deleteIatiPreview,
  findIatiImport,
  insertIatiImport,
  listActivityLinks,
  listIatiOrganizations,
  listIatiPrograms,
  listPossibleDuplicates,
  markIatiImported,
  saveActivityLink,
  type IatiOrganizationRow,
} from './iati.repository.js';
import { readMinor } from './money-columns.js';

/** How long a preview waits for its confirmation. */
const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

/** 2.x transaction-type codes Mesa records (TransactionType.xml). */
const CODES_2X: Record<string, TransactionType> = {
  '2': 'commitment',
  '3': 'disbursement',
  '4': 'expenditure',
  '12': 'pledge',
};
/** 1.x transaction-type codes Mesa records. */
const CODES_1X: Record<string, TransactionType> = {
  C: 'commitment',
  D: 'disbursement',
  E: 'expenditure',
};
/** The 1.0 drafts' `transaction/@type` words Mesa records. */
const DRAFT_TYPES: Record<string, TransactionType> = {
  commitment: 'commitment',
  disbursement: 'disbursement',
  expenditure: 'expenditure',
};
/** Names of the codes Mesa does not record, for the preview's reasons. */
const SKIPPED_NAMES: Record<string, string> = {
  '1': 'incoming funds',
  '5': 'interest payment',
  '6': 'loan repayment',
  '7': 'reimbursement',
  '8': 'purchase of equity',
  '9': 'sale of equity',
  '10': 'credit guarantee',
  '11': 'incoming commitment',
  '13': 'incoming pledge',
  IF: 'incoming funds',
  IR: 'interest repayment',
  LR: 'loan repayment',
  R: 'reimbursement',
  QP: 'purchase of equity',
  QS: 'sale of equity',
  CG: 'credit guarantee',
  contribution: 'incoming contribution',
};

/** The Mesa type of a file's transaction type, or why it is skipped. */
function mapType(version: string, t: RawTransaction): { type: TransactionType } | { skip: string } {
  const code = t.typeCode;
  if (code === null) return { skip: 'it has no transaction-type' };
  const mapped = version.startsWith('2.')
    ? CODES_2X[code]
    : (CODES_1X[code.toUpperCase()] ??
      (t.flow === 'incoming' ? undefined : DRAFT_TYPES[code.toLowerCase()]) ??
      CODES_2X[code]);
  if (mapped) return { type: mapped };
  const name = SKIPPED_NAMES[code] ?? SKIPPED_NAMES[code.toUpperCase()];
  return {
    skip: `transaction type "${code}"${name ? ` (${name})` : ''} is not one Mesa records (pledge, commitment, disbursement, expenditure)`,
  };
}

/** An exact decimal as Mesa stores it, trailing zeros past the currency's digits dropped. */
function normalizeAmount(text: string, digits: number): bigint | 'not_a_number' | 'too_precise' {
  let t = text.trim().replace(/^\+/, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return 'not_a_number';
  if (t.includes('.')) {
    t = t.replace(/0+$/, '').replace(/\.$/, '');
  }
  t = t.replace(/^(-?)0+(?=\d)/, '$1');
  const fraction = t.split('.')[1] ?? '';
  if (fraction.length > digits) return 'too_precise';
  const minor = parseDecimal(t === '-0' ? '0' : t, digits);
  return minor === null ? 'not_a_number' : minor;
}

const comparable = (name: string) => name.normalize('NFC').trim().toLowerCase();

/** Matches a file's organization to a Mesa organization: by IATI identifier, else by name. */
function organizationMatcher(rows: IatiOrganizationRow[]) {
  const byRef = new Map<string, IatiOrganizationRow>();
  const byName = new Map<string, IatiOrganizationRow>();
  for (const row of rows) {
    if (row.iati_identifier) byRef.set(row.iati_identifier.toLowerCase(), row);
    for (const name of [row.name_en, row.name_es, row.short_name_en, row.short_name_es]) {
      if (!byName.has(comparable(name))) byName.set(comparable(name), row);
    }
  }
  return (org: RawOrg | null): IatiOrganizationRow | null =>
    (org?.ref ? byRef.get(org.ref.toLowerCase()) : undefined) ??
    (org?.name ? byName.get(comparable(org.name)) : undefined) ??
    null;
}

/** An organization as funding replies name it. */
export function fundingOrganization(row: IatiOrganizationRow): FundingOrganization {
  return {
    id: row.id,
    name: { en: row.name_en, es: row.name_es },
    shortName: { en: row.short_name_en, es: row.short_name_es },
  };
}

/** The duplicate key of a transaction without a ref. */
function tupleKey(t: {
  type: string;
  valueDate: string;
  minor: bigint;
  currency: string;
  donorId: string;
}): string {
  return `${t.type}|${t.valueDate}|${t.minor}|${t.currency}|${t.donorId}`;
}

/** What is already in Mesa, for duplicate detection. */
async function existingKeys(db: Kysely<Database>, refs: string[], dates: string[]) {
  const rows = await listPossibleDuplicates(db, refs, dates);
  const byRef = new Set<string>();
  const byTuple = new Set<string>();
  for (const row of rows) {
    if (row.iati_ref) byRef.add(row.iati_ref);
    byTuple.add(
      tupleKey({
        type: row.type,
        valueDate: row.value_date,
        minor: readMinor(row.amount_minor as string | number),
        currency: row.currency,
        donorId: row.donor_organization_id,
      }),
    );
  }
  return { byRef, byTuple };
}

function isDuplicate(
  keys: { byRef: Set<string>; byTuple: Set<string> },
  t: IatiPreviewTransaction,
  donorId: string,
): boolean {
  if (t.ref) return keys.byRef.has(t.ref);
  const digits = currencyDigits(t.currency) ?? 2;
  const minor = parseDecimal(t.amount, digits) ?? 0n;
  return keys.byTuple.has(
    tupleKey({ type: t.type, valueDate: t.valueDate, minor, currency: t.currency, donorId }),
  );
}

function fileRefusal(error: IatiFileError): AppError {
  const lines = error.problems
    .slice(0, 5)
    .map((p) => `line ${p.line}: ${p.message}`)
    .join('; ');
  const message =
    error.problems.length > 1 || (error.problems.length === 1 && !error.message.includes('line'))
      ? `${error.message} ${lines}${error.problems.length > 5 ? `; and ${error.problems.length - 5} more` : ''}.`
      : error.message;
  return new AppError(
    error.statusCode,
    error.statusCode === 413 ? ErrorCodes.payloadTooLarge : ErrorCodes.validation,
    message,
    'file',
  );
}

/** Reads and checks the file; refusals as the API's errors, nothing stored. */
async function readChecked(body: AsyncIterable<Buffer | string>) {
  try {
    const file = await readIatiFile(body, IATI_IMPORT_MAX_BYTES);
    if (file.version.startsWith('2.')) {
      const problems = await schemaProblems(file.bytes);
      if (problems.length > 0) {
        throw new IatiFileError(
          400,
          `The file does not follow the IATI 2.03 schema (${problems.length === 50 ? '50 or more' : problems.length} problem${problems.length === 1 ? '' : 's'}); fix them and upload it again:`,
          problems,
        );
      }
    }
    return file;
  } catch (error) {
    if (error instanceof IatiFileError) throw fileRefusal(error);
    throw error;
  }
}

/**
 * Reads an uploaded IATI file into a preview stored for 24 hours (nothing is imported yet):
 * each activity with its transactions, the program suggested for it, duplicates marked, and
 * what could not be read, line by line. Refuses a file (400/413, nothing stored) per
 * iati-reader.ts and, for 2.x, the XSD.
 */
export async function previewIatiImport(
  ctx: ServiceContext,
  actor: Actor,
  upload: { fileName: string; body: AsyncIterable<Buffer | string> },
): Promise<IatiImport> {
  const file = await readChecked(upload.body);
  const now = ctx.now();
  const [orgRows, programs, links] = await Promise.all([
    listIatiOrganizations(ctx.db),
    listIatiPrograms(ctx.db),
    listActivityLinks(
      ctx.db,
      file.activities.map((a) => a.identifier).filter((i) => i !== ''),
    ),
  ]);
  const match = organizationMatcher(orgRows);
  const scope = actor.role === 'admin' ? null : actor.organizationId;
  const linkOf = new Map(links.map((l) => [l.iati_identifier, l.program_id]));
  const programIds = new Set(programs.map((p) => p.id));
  const codes = programs
    .filter((p) => p.code)
    .map((p) => ({ id: p.id, code: p.code!.toLowerCase() }))
    .sort((a, b) => b.code.length - a.code.length);

  const activities: IatiPreviewActivity[] = [];
  const pending: { t: IatiPreviewTransaction; donorId: string }[] = [];
  for (const [index, raw] of file.activities.entries()) {
    const problems: FileProblem[] = [];
    const transactions: IatiPreviewTransaction[] = [];
    for (const t of raw.transactions) {
      const read = await readTransaction(ctx, file.version, raw, t, match, scope);
      if ('problem' in read) problems.push({ line: t.line, message: read.problem });
      else {
        transactions.push(read.t);
        pending.push({ t: read.t, donorId: read.donorId });
      }
    }
    if (raw.identifier === '') {
      problems.push({ line: raw.line, message: 'the activity has no iati-identifier' });
    }
    const link = linkOf.get(raw.identifier);
    const lower = raw.identifier.toLowerCase();
    const byCode = codes.find((c) => lower.endsWith(`-${c.code}`));
    const linked = link !== undefined && (link === null || programIds.has(link));
    activities.push({
      index,
      line: raw.line,
      identifier: raw.identifier,
      title: raw.title,
      suggestedProgramId: linked ? link : (byCode?.id ?? null),
      suggestedFrom: linked ? 'earlier_import' : byCode ? 'program_code' : null,
      suggestedStrategyWide: linked ? link === null : lower.endsWith('-esca'),
      transactions,
      problems,
    });
  }

  // Duplicates: already in Mesa, or earlier in this same file.
  const keys = await existingKeys(
    ctx.db,
    [...new Set(pending.flatMap((p) => (p.t.ref ? [p.t.ref] : [])))],
    [...new Set(pending.map((p) => p.t.valueDate))],
  );
  for (const { t, donorId } of pending) {
    t.duplicate = isDuplicate(keys, t, donorId);
    const digits = currencyDigits(t.currency) ?? 2;
    if (t.ref) keys.byRef.add(t.ref);
    else
      keys.byTuple.add(
        tupleKey({
          type: t.type,
          valueDate: t.valueDate,
          minor: parseDecimal(t.amount, digits) ?? 0n,
          currency: t.currency,
          donorId,
        }),
      );
  }

  const id = newId();
  const preview: IatiImport = {
    id,
    fileName: upload.fileName,
    version: file.version,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + PREVIEW_TTL_MS).toISOString(),
    status: 'preview',
    scopeOrganizationId: scope,
    activities,
    problems: [],
    result: null,
  };
  await deleteIatiPreview(ctx.db, null, now.toISOString());
  await insertIatiImport(ctx.db, {
    id,
    created_by: actor.userId,
    created_at: preview.createdAt,
    expires_at: preview.expiresAt,
    file_name: upload.fileName,
    file_sha256: createHash('sha256').update(file.bytes).digest('hex'),
    version: file.version,
    scope_organization_id: scope,
    preview: JSON.stringify(preview),
    status: 'preview',
    confirmed_at: null,
  });
  return preview;
}

/** One transaction read through the mapping, or why it cannot be imported. */
async function readTransaction(
  ctx: ServiceContext,
  version: string,
  activity: RawActivity,
  t: RawTransaction,
  match: (org: RawOrg | null) => IatiOrganizationRow | null,
  scope: string | null,
): Promise<{ t: IatiPreviewTransaction; donorId: string } | { problem: string }> {
  const mapped = mapType(version, t);
  if ('skip' in mapped) return { problem: mapped.skip };
  const type = mapped.type;
  const date = (t.valueDate ?? t.transactionDate ?? '').slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return { problem: 'no value-date or transaction-date in the form YYYY-MM-DD' };
  }
  const currency = (t.valueCurrency ?? activity.defaultCurrency ?? '').toUpperCase();
  if (currency === '') {
    return { problem: 'no currency: neither value/@currency nor the activity default-currency' };
  }
  const digits = currencyDigits(currency);
  if (digits === null) return { problem: `unknown currency ${currency}` };
  if (t.value === null) return { problem: 'the transaction has no value' };
  const minor = normalizeAmount(t.value, digits);
  if (minor === 'not_a_number') return { problem: `value "${t.value}" is not a number` };
  if (minor === 'too_precise') {
    return {
      problem: `value ${t.value} has more decimals than ${currency} has (${digits})`,
    };
  }
  // Outgoing transactions often leave the provider out: the reporting organization gives.
  const providerInFile = t.provider ?? activity.reportingOrg;
  const donor = match(providerInFile);
  if (!donor) {
    const named = providerInFile?.name ?? providerInFile?.ref;
    return {
      problem: named
        ? `provider "${named}" is not a known organization in Mesa (an administrator can add it or set its IATI identifier)`
        : 'the transaction names no provider organization (and the activity no reporting-org)',
    };
  }
  if (scope !== null && donor.id !== scope) {
    return {
      problem: `the provider is ${donor.name_en}: as a member you import only your own organization's transactions`,
    };
  }
  const conversion = await convertAmount(ctx.db, {
    amountMinor: minor,
    currency,
    valueDate: date,
  });
  return {
    donorId: donor.id,
    t: {
      line: t.line,
      ref: t.ref,
      type,
      fileType: t.typeCode ?? '',
      valueDate: date,
      amount: formatMinor(minor, digits),
      currency,
      usd: conversion.usd_minor === null ? null : usdText(conversion.usd_minor),
      provider: {
        ref: providerInFile?.ref ?? null,
        name: providerInFile?.name ?? null,
        organization: fundingOrganization(donor),
      },
      receiverName: t.receiver?.name ?? t.receiver?.ref ?? null,
      description: (t.description ?? '').slice(0, 1000),
      duplicate: false,
    },
  };
}

/** The import as its creator sees it; 404 for anyone else or once the preview expired. */
export async function getIatiImport(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<IatiImport> {
  const row = await findIatiImport(ctx.db, id, ctx.now().toISOString());
  if (!row || row.created_by !== actor.userId) throw new NotFoundError('IATI import');
  return IatiImportSchema.parse(JSON.parse(row.preview));
}

/** Forgets a preview (its creator); 409 once it was imported. */
export async function discardIatiImport(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<void> {
  const current = await getIatiImport(ctx, actor, id);
  if (current.status !== 'preview') throw new ConflictError('This file was already imported.');
  await deleteIatiPreview(ctx.db, id, ctx.now().toISOString());
}

/**
 * Imports a preview as its creator chose (a program, strategy-wide, or skip for each
 * activity) in one transaction through the core write path: a record per activity and donor,
 * its transactions converted at the stored rates, duplicates skipped; remembers each choice
 * for the next file; 409 for a second confirmation. Emits `funding.changed` after commit.
 */
export async function confirmIatiImport(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: ConfirmIatiImportInput,
): Promise<IatiImport> {
  const current = await getIatiImport(ctx, actor, id);
  if (current.status !== 'preview') throw new ConflictError('This file was already imported.');
  const choices = new Map(input.activities.map((c) => [c.index, c]));
  for (const index of choices.keys()) {
    if (!current.activities.some((a) => a.index === index)) {
      throw new AppError(
        400,
        ErrorCodes.validation,
        `activities: the file has no activity ${index}`,
        'activities',
      );
    }
  }
  // Group what will be imported: per activity and donor, each checked through can().
  const plan: {
    activity: IatiPreviewActivity;
    programId: string | null;
    donor: FundingOrganization;
    transactions: IatiPreviewTransaction[];
  }[] = [];
  let skippedActivities = 0;
  for (const activity of current.activities) {
    const choice = choices.get(activity.index);
    if (!choice || choice.skip) {
      skippedActivities += 1;
      continue;
    }
    const byDonor = new Map<string, IatiPreviewTransaction[]>();
    for (const t of activity.transactions) {
      const donorId = t.provider.organization?.id;
      if (!donorId) continue;
      if (current.scopeOrganizationId !== null && donorId !== current.scopeOrganizationId) continue;
      byDonor.set(donorId, [...(byDonor.get(donorId) ?? []), t]);
    }
    for (const transactions of byDonor.values()) {
      const donor = transactions[0]!.provider.organization!;
      await authorizeNewCommitment(ctx, actor, {
        programId: choice.programId,
        donorOrganizationId: donor.id,
        receivingOrganizationId: null,
      });
      plan.push({ activity, programId: choice.programId, donor, transactions });
    }
  }

  const at = ctx.now().toISOString();
  const stamp = { actorId: actor.userId, at };
  const result: IatiImportResult = {
    records: [],
    imported: 0,
    duplicates: 0,
    skippedActivities,
  };
  const imported: IatiImport = { ...current, status: 'imported', result };
  await ctx.db.transaction().execute(async (trx) => {
    const all = plan.flatMap((p) => p.transactions);
    const keys = await existingKeys(
      trx,
      [...new Set(all.flatMap((t) => (t.ref ? [t.ref] : [])))],
      [...new Set(all.map((t) => t.valueDate))],
    );
    for (const item of plan) {
      const fresh: { t: IatiPreviewTransaction; minor: bigint }[] = [];
      for (const t of item.transactions) {
        const digits = currencyDigits(t.currency) ?? 2;
        const minor = parseDecimal(t.amount, digits) ?? 0n;
        if (isDuplicate(keys, t, item.donor.id)) {
          result.duplicates += 1;
          continue;
        }
        if (t.ref) keys.byRef.add(t.ref);
        else
          keys.byTuple.add(
            tupleKey({
              type: t.type,
              valueDate: t.valueDate,
              minor,
              currency: t.currency,
              donorId: item.donor.id,
            }),
          );
        fresh.push({ t, minor });
      }
      if (fresh.length === 0) continue;
      const title = item.activity.title || item.activity.identifier;
      const recordId = await addRecord(
        trx,
        {
          donorOrganizationId: item.donor.id,
          programId: item.programId,
          receivingOrganizationId: null,
          modality: 'financial',
          descriptionEn: title.slice(0, 2000),
          descriptionEs: title.slice(0, 2000),
          sourceUrl: null,
          sourceReference: `IATI ${item.activity.identifier} (${current.fileName})`.slice(0, 300),
          conflicting: false,
          alternativeOfId: null,
          iatiIdentifier: item.activity.identifier || null,
        },
        stamp,
      );
      for (const { t, minor } of fresh) {
        await addTransaction(
          trx,
          recordId,
          {
            type: t.type,
            valueDate: t.valueDate,
            amountMinor: minor,
            currency: t.currency,
            note: t.description,
            iatiRef: t.ref,
            importId: id,
          },
          stamp,
        );
      }
      result.imported += fresh.length;
      result.records.push({
        id: recordId,
        programId: item.programId,
        donor: item.donor,
        activityIdentifier: item.activity.identifier,
        transactions: fresh.length,
      });
    }
    for (const activity of current.activities) {
      const choice = choices.get(activity.index);
      if (!choice || choice.skip || activity.identifier === '') continue;
      await saveActivityLink(trx, {
        iatiIdentifier: activity.identifier,
        programId: choice.programId,
        by: actor.userId,
        at,
      });
    }
    if (!(await markIatiImported(trx, id, JSON.stringify(imported), at))) {
      throw new ConflictError('This file was already imported.');
    }
  });
  ctx.events.emit('funding.changed', { programId: null, all: true, actorId: actor.userId });
  return imported;
}
