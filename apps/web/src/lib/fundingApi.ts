import { z } from 'zod';
import {
  CommitmentRecordListSchema,
  CommitmentRecordReplySchema,
  CommitmentRecordSchema,
  CurrencyListSchema,
  ExchangeRateChangeReplySchema,
  ExchangeRateSchema,
  FileProblemSchema,
  FundingHistorySchema,
  ProgramFundingReplySchema,
  RatesImportReplySchema,
  type CommitmentRecord,
  type CreateCommitmentRecordInput,
  type CreateTransactionInput,
  type CurrencyInfo,
  type ExchangeRate,
  type FileProblem,
  type FundingChange,
  type ProgramFunding,
  type PutExchangeRateInput,
  type UpdateCommitmentRecordInput,
  type UpdateTransactionInput,
} from '@mesa/shared';
import { ApiError, ClientErrorCodes, getJson, sendJson } from './api';

const recordPath = (id: string) => `/api/funding/records/${encodeURIComponent(id)}`;
const transactionPath = (recordId: string, transactionId: string) =>
  `${recordPath(recordId)}/transactions/${encodeURIComponent(transactionId)}`;

/** Currencies Mesa accepts, with their ISO 4217 minor digits. */
export async function fetchCurrencies(signal?: AbortSignal): Promise<CurrencyInfo[]> {
  return (await getJson('/api/funding/currencies', CurrencyListSchema, signal)).currencies;
}

/** A program's funding summary (everyone signed in). */
export async function fetchProgramFunding(
  programId: string,
  signal?: AbortSignal,
): Promise<ProgramFunding> {
  const path = `/api/programs/${encodeURIComponent(programId)}/funding`;
  return (await getJson(path, ProgramFundingReplySchema, signal)).funding;
}

/** A program's commitment records (the program's readers; 403 for others). */
export async function fetchProgramRecords(
  programId: string,
  signal?: AbortSignal,
): Promise<CommitmentRecord[]> {
  const path = `/api/programs/${encodeURIComponent(programId)}/funding/records`;
  return (await getJson(path, CommitmentRecordListSchema, signal)).records;
}

/** Strategy-wide records (everyone signed in). */
export async function fetchStrategyWideRecords(signal?: AbortSignal): Promise<CommitmentRecord[]> {
  return (
    await getJson('/api/funding/records?strategyWide=true', CommitmentRecordListSchema, signal)
  ).records;
}

/** One record with its transactions, figures and the reader's abilities. */
export async function fetchRecord(id: string, signal?: AbortSignal): Promise<CommitmentRecord> {
  return (await getJson(recordPath(id), CommitmentRecordReplySchema, signal)).record;
}

/** A record's history, newest first. */
export async function fetchRecordHistory(
  id: string,
  signal?: AbortSignal,
): Promise<FundingChange[]> {
  return (await getJson(`${recordPath(id)}/history`, FundingHistorySchema, signal)).changes;
}

/** Records a commitment (without transactions; the first one is added next). */
export async function createRecord(input: CreateCommitmentRecordInput): Promise<CommitmentRecord> {
  return (await sendJson('POST', '/api/funding/records', input, CommitmentRecordReplySchema))
    .record;
}

// The 409 of a stale edit carries the record as stored now; accepted where the server puts it.
const RecordConflictSchema = z.union([
  z.object({ error: z.object({ current: CommitmentRecordSchema }) }),
  z.object({ current: CommitmentRecordSchema }),
  z.object({ record: CommitmentRecordSchema }),
]);

/** The record as stored now, from a 409's body; null when the body carries none. */
export function conflictingRecord(error: unknown): CommitmentRecord | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const parsed = RecordConflictSchema.safeParse(error.body);
  if (!parsed.success) return null;
  const data = parsed.data;
  if ('error' in data) return data.error.current;
  if ('current' in data) return data.current;
  return data.record;
}

/** An edit's outcome: saved, or refused because someone saved first (with the record now). */
export type RecordSaveOutcome = { saved: CommitmentRecord } | { stale: CommitmentRecord };

/** Changes a record against the revision it was edited from; a 409 is an outcome. */
export async function updateRecord(
  id: string,
  input: UpdateCommitmentRecordInput,
): Promise<RecordSaveOutcome> {
  try {
    return {
      saved: (await sendJson('PATCH', recordPath(id), input, CommitmentRecordReplySchema)).record,
    };
  } catch (error) {
    const current = conflictingRecord(error);
    if (current) return { stale: current };
    throw error;
  }
}

/** Deletes a record (kept with its history, out of every list and total). */
export async function deleteRecord(id: string): Promise<void> {
  await sendJson('DELETE', recordPath(id));
}

/** Adds a transaction to a record; replies with the record. */
export async function addTransaction(
  recordId: string,
  input: CreateTransactionInput,
): Promise<CommitmentRecord> {
  const path = `${recordPath(recordId)}/transactions`;
  return (await sendJson('POST', path, input, CommitmentRecordReplySchema)).record;
}

/** Changes a transaction against its revision; a 409 is an outcome. */
export async function updateTransaction(
  recordId: string,
  transactionId: string,
  input: UpdateTransactionInput,
): Promise<RecordSaveOutcome> {
  try {
    const path = transactionPath(recordId, transactionId);
    return { saved: (await sendJson('PATCH', path, input, CommitmentRecordReplySchema)).record };
  } catch (error) {
    const current = conflictingRecord(error);
    if (current) return { stale: current };
    throw error;
  }
}

/** Deletes a transaction. */
export async function deleteTransaction(recordId: string, transactionId: string): Promise<void> {
  await sendJson('DELETE', transactionPath(recordId, transactionId));
}

/** Confirms (or, with `confirmed` false, unconfirms) a transaction. */
export async function setTransactionConfirmed(
  recordId: string,
  transactionId: string,
  confirmed: boolean,
): Promise<void> {
  await sendJson(
    confirmed ? 'POST' : 'DELETE',
    `${transactionPath(recordId, transactionId)}/confirm`,
  );
}

// The rates list: `{ rates }` or the API's list shape `{ data }`.
const RateListSchema = z.union([
  z.object({ rates: z.array(ExchangeRateSchema) }),
  z.object({ data: z.array(ExchangeRateSchema) }),
]);

/** Exchange rates, optionally of one currency. */
export async function fetchRates(currency?: string, signal?: AbortSignal): Promise<ExchangeRate[]> {
  const search = currency ? `?${new URLSearchParams({ currency }).toString()}` : '';
  const reply = await getJson(`/api/funding/rates${search}`, RateListSchema, signal);
  return 'rates' in reply ? reply.rates : reply.data;
}

/** Adds a rate or corrects the one of that currency and date (admins). */
export async function putRate(input: PutExchangeRateInput) {
  return sendJson('PUT', '/api/funding/rates', input, ExchangeRateChangeReplySchema);
}

/** Removes a rate (admins); replies how many transactions were re-converted. */
export async function deleteRate(id: string) {
  return sendJson(
    'DELETE',
    `/api/funding/rates/${encodeURIComponent(id)}`,
    undefined,
    ExchangeRateChangeReplySchema.partial(),
  );
}

const ImportProblemsSchema = z.union([
  z.object({ error: z.object({ problems: z.array(FileProblemSchema) }) }),
  z.object({ problems: z.array(FileProblemSchema) }),
]);

/** The problems by line of a refused CSV, from a 400's body; empty when it names none. */
export function importProblems(error: unknown): FileProblem[] {
  if (!(error instanceof ApiError)) return [];
  const parsed = ImportProblemsSchema.safeParse(error.body);
  if (!parsed.success) return [];
  return 'error' in parsed.data ? parsed.data.error.problems : parsed.data.problems;
}

/** Imports a CSV of rates (all or nothing); a 400 carries the problems by line. */
export async function importRates(csv: string) {
  let response: Response;
  try {
    response = await fetch('/api/funding/rates/import', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'text/csv' },
      body: csv,
    });
  } catch {
    throw new ApiError(0, ClientErrorCodes.network, 'The server could not be reached');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const parsed = z
      .object({ error: z.object({ code: z.string(), message: z.string() }) })
      .safeParse(body);
    const code = parsed.success ? parsed.data.error.code : ClientErrorCodes.invalidReply;
    const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
    throw new ApiError(response.status, code, message, { body });
  }
  const parsed = RatesImportReplySchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, ClientErrorCodes.invalidReply, parsed.error.message);
  }
  return parsed.data;
}
