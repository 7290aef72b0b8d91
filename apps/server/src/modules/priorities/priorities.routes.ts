import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BallotConflictSchema,
  BallotReplySchema,
  BallotRevisionSchema,
  BallotSchema,
  BoardReplySchema,
  ClosingBoardReplySchema,
  ClosingParamsSchema,
  CreateRoundInputSchema,
  ErrorBodySchema,
  ReopenRoundInputSchema,
  RoundReplySchema,
  RoundSchema,
  SaveBallotInputSchema,
  listOf,
  IdParamsSchema,
} from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import { requireRound, requireWorkspace, signedIn } from '../../authz/guards.js';
import { attachmentDisposition, downloadFileName } from '../../lib/download-names.js';
import { closeRound, getRound, listRounds, openRound, reopenRound } from './rounds.service.js';
import {
  getOwnBallot,
  listBallots,
  listOwnBallotRevisions,
  saveBallot,
} from './ballots.service.js';
import { getBoard, getClosingBoard } from './board.service.js';
import { ballotsCsv, boardCsv } from './exports.service.js';

const tags = ['priorities'];
// Sent as text/csv, so Fastify does not serialize it; the schema documents the reply.
const csvReply = {
  description: 'CSV (RFC 4180, UTF-8 with BOM)',
  content: { 'text/csv': { schema: z.string() } },
};
const errors = { 400: ErrorBodySchema, 409: ErrorBodySchema };

/** Priority rounds, ballots, the board and their CSV exports. */
export const prioritiesRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/rounds',
    { ...signedIn(), schema: { tags, response: { 200: listOf(RoundSchema) } } },
    async (request) => ({
      data: await listRounds(ctx, request.actor!),
    }),
  );

  app.post(
    '/api/rounds',
    {
      ...requireWorkspace('openRound'),
      schema: {
        tags,
        description:
          'Opens a priority round (the caller becomes its owner); emits round.changed `opened`. `closesAt` must be in the future.',
        body: CreateRoundInputSchema,
        response: { 201: RoundReplySchema, 400: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ round: await openRound(ctx, request.actor!, request.body) }),
  );

  app.get(
    '/api/rounds/:id',
    {
      ...requireRound('read'),
      schema: { tags, params: IdParamsSchema, response: { 200: RoundReplySchema } },
    },
    async (request) => ({ round: await getRound(ctx, request.actor!, request.params.id) }),
  );

  app.post(
    '/api/rounds/:id/close',
    {
      ...requireRound('close'),
      schema: {
        tags,
        description:
          'The owner closes the round now; the board is frozen as the record. 409 once closed.',
        params: IdParamsSchema,
        response: { 200: RoundReplySchema, ...errors },
      },
    },
    async (request) => ({ round: await closeRound(ctx, request.actor!, request.params.id) }),
  );

  app.post(
    '/api/rounds/:id/reopen',
    {
      ...requireRound('reopen'),
      schema: {
        tags,
        description:
          'An admin reopens a closed round with a new closing time; recorded (who, when) with the closing it undoes (when, by whom, its frozen board), listed in the round’s `reopenings`.',
        params: IdParamsSchema,
        body: ReopenRoundInputSchema,
        response: { 200: RoundReplySchema, ...errors },
      },
    },
    async (request) => ({
      round: await reopenRound(ctx, request.actor!, request.params.id, request.body.closesAt),
    }),
  );

  app.get(
    '/api/rounds/:id/ballot',
    {
      ...requireRound('read'),
      schema: {
        tags,
        description:
          "The person's own delegation's ballot (revision 0 before the first save); 403 when their organization is no delegation.",
        params: IdParamsSchema,
        response: { 200: BallotReplySchema, 403: ErrorBodySchema },
      },
    },
    async (request) => ({ ballot: await getOwnBallot(ctx, request.actor!, request.params.id) }),
  );

  app.put(
    '/api/rounds/:id/ballot',
    {
      ...requireRound('vote'),
      schema: {
        tags,
        description:
          'Saves the delegation’s ballot if it is still at `revision`; a stale revision answers 409 with the ballot as stored now (`error.current`), writing nothing. 409 too once the round is closed. Emits ballot.changed (no content).',
        params: IdParamsSchema,
        body: SaveBallotInputSchema,
        response: {
          200: BallotReplySchema,
          400: ErrorBodySchema,
          409: z.union([BallotConflictSchema, ErrorBodySchema]),
        },
      },
    },
    async (request, reply) => {
      const result = await saveBallot(ctx, request.actor!, request.params.id, request.body);
      if (result.ok) return { ballot: result.ballot };
      const message = 'Another member of your delegation saved the ballot first.';
      return reply
        .code(409)
        .send({ error: { code: 'conflict' as const, message, current: result.current } });
    },
  );

  app.get(
    '/api/rounds/:id/ballot/revisions',
    {
      ...requireRound('read'),
      schema: {
        tags,
        description: "The history of the person's own delegation's ballot, newest first.",
        params: IdParamsSchema,
        response: { 200: listOf(BallotRevisionSchema), 403: ErrorBodySchema },
      },
    },
    async (request) => ({
      data: await listOwnBallotRevisions(ctx, request.actor!, request.params.id),
    }),
  );

  app.get(
    '/api/rounds/:id/ballots',
    {
      ...requireRound('viewResults'),
      schema: {
        tags,
        description:
          'The ballots that count: while open those of organizations that are delegations now (a former delegation’s ballot is kept, not counted); once closed those the frozen board counted, named as at closing.',
        params: IdParamsSchema,
        response: { 200: listOf(BallotSchema) },
      },
    },
    async (request) => ({ data: await listBallots(ctx, request.params.id) }),
  );

  app.get(
    '/api/rounds/:id/board',
    {
      ...requireRound('viewResults'),
      schema: {
        tags,
        description:
          'The board: while open computed from the ballots of current delegations; once closed the board frozen at closing with the delegations’ names as they stood. `consensus` is the share of voting delegations (a ballot with at least one program), not of all delegations, that rank the program.',
        params: IdParamsSchema,
        response: { 200: BoardReplySchema },
      },
    },
    async (request) => ({ board: await getBoard(ctx, request.actor!, request.params.id) }),
  );

  app.get(
    '/api/rounds/:id/board.csv',
    {
      ...requireRound('viewResults'),
      schema: {
        tags,
        description: 'The board as CSV, in the reader’s language.',
        params: IdParamsSchema,
        response: { 200: csvReply },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const [round, board] = await Promise.all([
        getRound(ctx, actor, request.params.id),
        getBoard(ctx, actor, request.params.id),
      ]);
      return sendCsv(reply, boardCsv(board, actor.locale), [round.title[actor.locale]], 'results');
    },
  );

  app.get(
    '/api/rounds/:id/closings/:reopeningId/board',
    {
      ...requireRound('read'),
      schema: {
        tags,
        description:
          'The board an earlier closing froze — the record until the reopening `reopeningId` undid it — with the delegations’ names as they stood then, and that closing (when, by whom). Everyone who reads the round reads it: it was published to all once the round closed. 404 for a reopening unknown or of another round, and for one recorded before closings were kept (no board).',
        params: ClosingParamsSchema,
        response: { 200: ClosingBoardReplySchema, 404: ErrorBodySchema },
      },
    },
    async (request) => getClosingBoard(ctx, request.params.id, request.params.reopeningId),
  );

  app.get(
    '/api/rounds/:id/closings/:reopeningId/board.csv',
    {
      ...requireRound('read'),
      schema: {
        tags,
        description: 'An earlier closing’s frozen board as CSV, in the reader’s language.',
        params: ClosingParamsSchema,
        response: { 200: csvReply, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { id, reopeningId } = request.params;
      const [round, { board, closing }] = await Promise.all([
        getRound(ctx, actor, id),
        getClosingBoard(ctx, id, reopeningId),
      ]);
      const stem = [round.title[actor.locale], closing.at.slice(0, 10)];
      return sendCsv(reply, boardCsv(board, actor.locale), stem, 'results');
    },
  );

  app.get(
    '/api/rounds/:id/ballots.csv',
    {
      ...requireRound('viewResults'),
      schema: {
        tags,
        description: 'Every ballot as CSV, one line per place.',
        params: IdParamsSchema,
        response: { 200: csvReply },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const id = request.params.id;
      const [round, board, ballots] = await Promise.all([
        getRound(ctx, actor, id),
        getBoard(ctx, actor, id),
        listBallots(ctx, id),
      ]);
      return sendCsv(
        reply,
        ballotsCsv(ballots, board, actor.locale),
        [round.title[actor.locale]],
        'ballots',
      );
    },
  );
};

function sendCsv(reply: FastifyReply, csv: string, stem: string[], kind: string) {
  const fileName = downloadFileName([...stem, kind], 'csv', kind);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', attachmentDisposition(fileName))
    .send(csv);
}
