import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AddendumInputSchema,
  AddendumSchema,
  IdParamsSchema,
  LocaleSchema,
  PublishedRecordSchema,
} from '@mesa/shared';
import { requireMeeting } from '../../authz/guards.js';
import type { ServiceContext } from '../../lib/context.js';
import { attachmentDisposition, downloadFileName } from '../../lib/download-names.js';
import type { LiveDocuments } from '../documents/index.js';
import { recordMarkdown } from './record.markdown.js';
import { addAddendum, getPublishedRecord, publishMeeting } from './record.service.js';

const tags = ['meetings'];
const RecordMarkdownQuery = z.strictObject({ lang: LocaleSchema.optional() });
// Sent as text/markdown, so Fastify does not serialize it; the schema documents the reply.
const RecordMarkdownResponse = {
  description: 'The published record as Markdown (an attachment)',
  content: { 'text/markdown': { schema: z.string() } },
};

/** Publishing a meeting's record, reading it, its addenda and its Markdown export. */
export const recordRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  live: LiveDocuments;
}> = async (app, { ctx, live }) => {
  app.post(
    '/api/meetings/:id/publish',
    {
      ...requireMeeting('publish'),
      schema: {
        tags,
        params: IdParamsSchema,
        description:
          'Publishes the record (the chair or an admin, once the meeting has ended): the minutes as Markdown, attendance by delegation, decisions and action items as they stand are frozen. Afterwards the minutes are read-only (open editors are closed with 4409 and reconnect read-only) and every write answers 409. 409 when the meeting has not ended or is already published.',
        response: { 200: z.object({ record: PublishedRecordSchema }) },
      },
    },
    async (request) => ({
      record: await publishMeeting(ctx, live, request.actor!, request.params.id),
    }),
  );

  app.get(
    '/api/meetings/:id/record',
    {
      ...requireMeeting('read'),
      schema: {
        tags,
        params: IdParamsSchema,
        description:
          "The published record with its addenda (the meeting's readers). 409 while the meeting is not published.",
        response: { 200: PublishedRecordSchema },
      },
    },
    async (request) => getPublishedRecord(ctx, request.actor!, request.params.id),
  );

  app.get(
    '/api/meetings/:id/record.md',
    {
      ...requireMeeting('read'),
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: RecordMarkdownQuery,
        description:
          "The published record as a Markdown file, its headings in the reader's language (`lang`, else their own) and its times on the 24-hour clock in their time zone. 409 while not published.",
        response: { 200: RecordMarkdownResponse },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const record = await getPublishedRecord(ctx, actor, request.params.id);
      const locale = request.query.lang ?? actor.locale;
      const markdown = recordMarkdown(record, locale, actor.timeZone);
      const title = locale === 'es' ? record.title.es || record.title.en : record.title.en;
      const fileName = downloadFileName(
        [title, record.startsAt.slice(0, 10)],
        'md',
        locale === 'es' ? 'acta' : 'record',
      );
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', attachmentDisposition(fileName))
        .send(markdown);
    },
  );

  app.post(
    '/api/meetings/:id/addenda',
    {
      ...requireMeeting('addAddendum'),
      schema: {
        tags,
        params: IdParamsSchema,
        body: AddendumInputSchema,
        description:
          'Adds a correction to a published record, with its author and date (the record itself never changes). 409 while not published.',
        response: { 201: z.object({ addendum: AddendumSchema }) },
      },
    },
    async (request, reply) => {
      const addendum = await addAddendum(ctx, request.actor!, request.params.id, request.body);
      return reply.code(201).send({ addendum });
    },
  );
};
