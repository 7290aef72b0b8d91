import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CommitmentConflictSchema,
  CommitmentRecordListSchema,
  CommitmentRecordReplySchema,
  CommitmentRecordsQuerySchema,
  CreateCommitmentRecordInputSchema,
  CreateTransactionInputSchema,
  CurrencyListSchema,
  ErrorBodySchema,
  FundingHistorySchema,
  IdParamsSchema,
  TransactionParamsSchema,
  UpdateCommitmentRecordInputSchema,
  UpdateTransactionInputSchema,
  type CommitmentRecord,
} from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import { noContent } from '../../lib/no-content.js';
import {
  requireCommitment,
  requireProgram,
  requireWorkspace,
  signedIn,
} from '../../authz/guards.js';
import { listCurrencies } from './currencies.js';
import {
  createRecord,
  createTransaction,
  deleteRecord,
  deleteTransaction,
  getRecord,
  listProgramRecords,
  listRecords,
  recordHistory,
  setConfirmation,
  updateRecord,
  updateTransaction,
  type SaveResult,
} from './records.service.js';

const tags = ['funding'];
const conflict = { 409: z.union([CommitmentConflictSchema, ErrorBodySchema]) };

function sendSave(reply: FastifyReply, result: SaveResult, what: string) {
  if (result.ok) return reply.send({ record: result.record });
  const message = `Someone else changed this ${what} first; here is the record as it stands now.`;
  return reply.code(409).send({
    error: { code: 'conflict' as const, message, current: result.current },
  });
}

const recordReply = (record: CommitmentRecord) => ({ record });

/** Currencies, commitment records, their transactions, confirmations and history. */
export const recordsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/funding/currencies',
    {
      ...signedIn(),
      schema: {
        tags,
        description: 'The ISO 4217 currencies Mesa accepts, with their minor digits.',
        response: { 200: CurrencyListSchema },
      },
    },
    async () => ({ currencies: listCurrencies() }),
  );

  app.post(
    '/api/funding/records',
    {
      ...requireWorkspace('recordCommitment'),
      schema: {
        tags,
        description:
          'Records a commitment for its donor organization on a program (or strategy-wide, `programId` null): members for their own organization on programs it leads or partners (a program’s coordinators for anyone there), admins for anyone. 404 for an unknown program, 400 for an unknown organization or `alternativeOfId` (which must name a live record that is not itself an alternative). Transactions are posted after. Emits funding.changed.',
        body: CreateCommitmentRecordInputSchema,
        response: { 201: CommitmentRecordReplySchema, 400: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(recordReply(await createRecord(ctx, request.actor!, request.body))),
  );

  app.get(
    '/api/funding/records',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'Strategy-wide records (`strategyWide=true`, everyone’s) or one donor’s records (`donorOrganizationId`), only those the reader may read, newest value first.',
        querystring: CommitmentRecordsQuerySchema,
        response: { 200: CommitmentRecordListSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => ({ records: await listRecords(ctx, request.actor!, request.query) }),
  );

  app.get(
    '/api/funding/records/:id',
    {
      ...requireCommitment('read'),
      schema: {
        tags,
        description:
          'A record with its transactions, its figures in USD (funding = the larger of its commitments and disbursements; pledges never count; an alternative figure counts nothing) and what the reader may do.',
        params: IdParamsSchema,
        response: { 200: CommitmentRecordReplySchema },
      },
    },
    async (request) => recordReply(await getRecord(ctx, request.actor!, request.params.id)),
  );

  app.patch(
    '/api/funding/records/:id',
    {
      ...requireCommitment('edit'),
      schema: {
        tags,
        description:
          'Changes a record’s fields if it is still at `revision` (a stale revision answers 409 with the record as stored now, `error.current`). A new donor, program or receiver needs what recording it would need. The history keeps the changed fields before and after. Emits funding.changed.',
        params: IdParamsSchema,
        body: UpdateCommitmentRecordInputSchema,
        response: { 200: CommitmentRecordReplySchema, 400: ErrorBodySchema, ...conflict },
      },
    },
    async (request, reply) =>
      sendSave(
        reply,
        await updateRecord(ctx, request.actor!, request.params.id, request.body),
        'record',
      ),
  );

  app.delete(
    '/api/funding/records/:id',
    {
      ...requireCommitment('edit'),
      schema: {
        tags,
        description:
          'Deletes a record: it leaves every list and total; its history is kept. Emits funding.changed.',
        params: IdParamsSchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await deleteRecord(ctx, request.actor!, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/funding/records/:id/history',
    {
      ...requireCommitment('read'),
      schema: {
        tags,
        description:
          'Every change of the record and its transactions, newest first: who, when, what, and the changed fields before and after.',
        params: IdParamsSchema,
        response: { 200: FundingHistorySchema },
      },
    },
    async (request) => ({ changes: await recordHistory(ctx, request.params.id) }),
  );

  app.post(
    '/api/funding/records/:id/transactions',
    {
      ...requireCommitment('edit'),
      schema: {
        tags,
        description:
          'Adds a transaction: the amount exactly in its currency (more decimals than the currency has, or zero, answers 400 on `amount`; an unknown currency 400 on `currency`), converted to USD at the currency’s rate on or before the value date ("no rate" when none). Emits funding.changed.',
        params: IdParamsSchema,
        body: CreateTransactionInputSchema,
        response: { 201: CommitmentRecordReplySchema, 400: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          recordReply(
            await createTransaction(ctx, request.actor!, request.params.id, request.body),
          ),
        ),
  );

  app.patch(
    '/api/funding/records/:id/transactions/:transactionId',
    {
      ...requireCommitment('edit'),
      schema: {
        tags,
        description:
          'Changes a transaction of the record if it is still at `revision` (stale: 409 with the record as stored now). A new amount, currency or date converts it again; any change clears its confirmation. Emits funding.changed.',
        params: TransactionParamsSchema,
        body: UpdateTransactionInputSchema,
        response: { 200: CommitmentRecordReplySchema, 400: ErrorBodySchema, ...conflict },
      },
    },
    async (request, reply) =>
      sendSave(
        reply,
        await updateTransaction(
          ctx,
          request.actor!,
          request.params.id,
          request.params.transactionId,
          request.body,
        ),
        'transaction',
      ),
  );

  app.delete(
    '/api/funding/records/:id/transactions/:transactionId',
    {
      ...requireCommitment('edit'),
      schema: {
        tags,
        description:
          'Deletes a transaction of the record; its history keeps what it was. Emits funding.changed.',
        params: TransactionParamsSchema,
        response: { 200: CommitmentRecordReplySchema },
      },
    },
    async (request) =>
      recordReply(
        await deleteTransaction(
          ctx,
          request.actor!,
          request.params.id,
          request.params.transactionId,
        ),
      ),
  );

  app.post(
    '/api/funding/records/:id/transactions/:transactionId/confirm',
    {
      ...requireCommitment('confirm'),
      schema: {
        tags,
        description:
          'Confirms a transaction as the signed-in person (a member of the receiving organization, or an admin) now. Emits funding.changed.',
        params: TransactionParamsSchema,
        response: { 200: CommitmentRecordReplySchema },
      },
    },
    async (request) =>
      recordReply(
        await setConfirmation(
          ctx,
          request.actor!,
          request.params.id,
          request.params.transactionId,
          true,
        ),
      ),
  );

  app.delete(
    '/api/funding/records/:id/transactions/:transactionId/confirm',
    {
      ...requireCommitment('confirm'),
      schema: {
        tags,
        description: 'Withdraws a transaction’s confirmation. Emits funding.changed.',
        params: TransactionParamsSchema,
        response: { 200: CommitmentRecordReplySchema },
      },
    },
    async (request) =>
      recordReply(
        await setConfirmation(
          ctx,
          request.actor!,
          request.params.id,
          request.params.transactionId,
          false,
        ),
      ),
  );

  app.get(
    '/api/programs/:id/funding/records',
    {
      ...requireProgram('read'),
      schema: {
        tags,
        description:
          'The program’s records (its readers), newest value first, each with its transactions, figures and what the reader may do.',
        params: IdParamsSchema,
        response: { 200: CommitmentRecordListSchema },
      },
    },
    async (request) => ({
      records: await listProgramRecords(ctx, request.actor!, request.params.id),
    }),
  );
};
