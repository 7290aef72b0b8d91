import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ConfirmIatiImportInputSchema,
  ErrorBodySchema,
  ErrorCodes,
  IATI_IMPORT_MAX_BYTES,
  IatiExportQuerySchema,
  IatiImportReplySchema,
  IdParamsSchema,
} from '@mesa/shared';
import { requireWorkspace, signedInActor } from '../../authz/guards.js';
import type { ServiceContext } from '../../lib/context.js';
import { attachmentDisposition } from '../../lib/download-names.js';
import { drainBody } from '../../lib/drain.js';
import { AppError } from '../../lib/errors.js';
import { iatiCsv, iatiXmlChunks, prepareIatiExport } from './iati-export.service.js';
import {
  confirmIatiImport,
  discardIatiImport,
  getIatiImport,
  previewIatiImport,
} from './iati-import.service.js';

const UploadQuerySchema = z.strictObject({
  /** The uploaded file's name, shown in the preview. */
  fileName: z.string().trim().min(1).max(200).optional(),
});

const xmlReply = {
  description: 'IATI 2.03 activity file (XML, UTF-8)',
  content: { 'application/xml': { schema: z.string() } },
};
const csvReply = {
  description: 'CSV (RFC 4180, UTF-8 with BOM)',
  content: { 'text/csv': { schema: z.string() } },
};

const tooLarge = () =>
  new AppError(
    413,
    ErrorCodes.payloadTooLarge,
    `The file is larger than ${IATI_IMPORT_MAX_BYTES / 1024 / 1024} MB, the most an IATI import accepts: split it by activity and upload the parts.`,
    'file',
  );

/** The IATI routes of the funding module (docs/funding.md, "IATI"). */
export const iatiRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  // An IATI upload is handed to the streaming reader as it arrives, never parsed whole here.
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { bodyLimit: IATI_IMPORT_MAX_BYTES },
    (_request, payload, done) => done(null, payload),
  );

  app.get(
    '/api/funding/iati/activities.xml',
    {
      ...requireWorkspace('readPortfolio'),
      schema: {
        tags: ['funding'],
        description:
          'IATI 2.03 activity file (an attachment): every program the person may read, or `programId` alone, each with its transactions, and the strategy-wide records as `<publisher>-ESCA`. 409 until an administrator sets the SICA General Secretariat’s IATI identifier.',
        querystring: IatiExportQuerySchema,
        response: {
          200: xmlReply,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const data = await prepareIatiExport(ctx, signedInActor(request), request.query.programId);
      return (
        reply
          .type('application/xml; charset=utf-8')
          .header('content-disposition', attachmentDisposition('mesa-iati-activities.xml'))
          // A stream: the type provider's reply type names the documented body (a string).
          .send(Readable.from(iatiXmlChunks(data, ctx.now())) as unknown as string)
      );
    },
  );

  app.get(
    '/api/funding/iati/activities.csv',
    {
      ...requireWorkspace('readPortfolio'),
      schema: {
        tags: ['funding'],
        description:
          'The transactions of the IATI export as CSV (an attachment), same programs and rules.',
        querystring: IatiExportQuerySchema,
        response: {
          200: csvReply,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const data = await prepareIatiExport(ctx, signedInActor(request), request.query.programId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition('mesa-iati-transactions.csv'))
        .send(iatiCsv(data));
    },
  );

  app.post(
    '/api/funding/iati/imports',
    {
      ...requireWorkspace('importIati'),
      schema: {
        tags: ['funding'],
        description:
          'Uploads an IATI activity file (Content-Type application/xml, at most 20 MB) and replies with its preview; nothing is imported until the preview is confirmed. 400 with the line for broken XML, a DOCTYPE or entity, a root that is not iati-activities, a version other than 1.0x–2.0x, or (2.x) anything the IATI 2.03 schema refuses; 413 past 20 MB. Nothing is stored then.',
        querystring: UploadQuerySchema,
        response: {
          201: IatiImportReplySchema,
          400: ErrorBodySchema,
          413: ErrorBodySchema,
          415: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!(body instanceof Readable)) {
        throw new AppError(
          415,
          ErrorCodes.unsupportedMediaType,
          'Send the IATI file itself (Content-Type: application/xml).',
        );
      }
      if (Number(request.headers['content-length'] ?? 0) > IATI_IMPORT_MAX_BYTES) {
        await drainBody(body, 8 * 1024 * 1024);
        throw tooLarge();
      }
      try {
        const preview = await previewIatiImport(ctx, signedInActor(request), {
          fileName: request.query.fileName ?? 'iati.xml',
          body,
        });
        return await reply.code(201).send({ import: preview });
      } catch (error) {
        await drainBody(body, 8 * 1024 * 1024);
        throw error;
      }
    },
  );

  app.get(
    '/api/funding/iati/imports/:id',
    {
      ...requireWorkspace('importIati'),
      schema: {
        tags: ['funding'],
        description:
          'An upload’s preview (or, once confirmed, its result). Only the person who uploaded it sees it (404 for anyone else and once the preview expired, after 24 hours).',
        params: IdParamsSchema,
        response: { 200: IatiImportReplySchema, 404: ErrorBodySchema },
      },
    },
    async (request) => ({
      import: await getIatiImport(ctx, signedInActor(request), request.params.id),
    }),
  );

  app.post(
    '/api/funding/iati/imports/:id/confirm',
    {
      ...requireWorkspace('importIati'),
      schema: {
        tags: ['funding'],
        description:
          'Imports the preview as chosen: for each activity a program, null for strategy-wide, or `skip`. One record per activity and donor through the core write path; transactions already in Mesa are skipped. 403 when the person may not record for that donor on that program; 409 when it was already imported.',
        params: IdParamsSchema,
        body: ConfirmIatiImportInputSchema,
        response: {
          200: IatiImportReplySchema,
          400: ErrorBodySchema,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
        },
      },
    },
    async (request) => ({
      import: await confirmIatiImport(ctx, signedInActor(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/api/funding/iati/imports/:id',
    {
      ...requireWorkspace('importIati'),
      schema: {
        tags: ['funding'],
        description:
          'Discards a preview (its creator); nothing was imported. 409 once it was imported.',
        params: IdParamsSchema,
        response: { 204: z.null(), 404: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      await discardIatiImport(ctx, signedInActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
