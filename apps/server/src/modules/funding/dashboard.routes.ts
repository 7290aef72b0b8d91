import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema,
  FundingDashboardSchema,
  FundingFiltersSchema,
  IdParamsSchema,
  LocaleSchema,
  ProgramFundingReplySchema,
  ScorecardQuerySchema,
  ScorecardSchema,
} from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import { signedIn } from '../../authz/guards.js';
import { attachmentDisposition, downloadFileName } from '../../lib/download-names.js';
import { getFundingDashboard, getProgramFunding } from './dashboard.service.js';
import { getScorecard } from './scorecard.service.js';
import { dashboardCsv, scorecardCsv } from './dashboard.exports.js';

const tags = ['funding'];
// Sent as text/csv, so Fastify does not serialize it; the schema documents the reply.
const csvReply = {
  description: 'CSV (RFC 4180, UTF-8 with BOM)',
  content: { 'text/csv': { schema: z.string() } },
};
const lang = { lang: LocaleSchema.optional() };

const FILE_NAMES = {
  dashboard: { en: 'Funding dashboard', es: 'Tablero de financiamiento' },
  scorecard: { en: 'Reporting scorecard', es: 'Cuadro de informes de donantes' },
} as const;

/** The funding dashboard, a program's funding summary, the scorecard and their CSV exports. */
export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/funding/dashboard',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'Funding totals within the filters (everyone signed in, like the portfolio): per program with its gap, the strategy-wide row, the total, and by component, donor, modality, currency and year. Pledges are shown, never counted as funding; alternative figures are not summed; amounts without a rate are counted in `withoutRate`.',
        querystring: FundingFiltersSchema,
        response: { 200: FundingDashboardSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => getFundingDashboard(ctx, request.query),
  );

  app.get(
    '/api/funding/dashboard.csv',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'The dashboard within the filters as CSV, headings in the reader’s language (`lang`, else their own).',
        querystring: FundingFiltersSchema.extend(lang),
        response: { 200: csvReply, 400: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { lang: asked, ...filters } = request.query;
      const locale = asked ?? request.actor!.locale;
      const dashboard = await getFundingDashboard(ctx, filters);
      return sendCsv(
        reply,
        dashboardCsv(dashboard, locale),
        FILE_NAMES.dashboard[locale],
        dashboard.generatedAt,
      );
    },
  );

  app.get(
    '/api/programs/:id/funding',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          "A program's funding summary (everyone signed in): estimated cost, figures and gap in USD. 404 when the program does not exist.",
        params: IdParamsSchema,
        response: { 200: ProgramFundingReplySchema, 404: ErrorBodySchema },
      },
    },
    async (request) => ({ funding: await getProgramFunding(ctx, request.params.id) }),
  );

  app.get(
    '/api/funding/scorecard',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'The reporting-freshness scorecard per donor organization: last recorded or confirmed, the share of its records with a commitment that had a disbursement dated in the last six months, and transactions reported before `unconfirmedBefore` (default 90 days ago) never confirmed. Sorted by `sort` and `direction`.',
        querystring: ScorecardQuerySchema,
        response: { 200: ScorecardSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => getScorecard(ctx, request.query, request.actor!.locale),
  );

  app.get(
    '/api/funding/scorecard.csv',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'The scorecard as CSV in the order asked for, headings in the reader’s language (`lang`, else their own).',
        querystring: ScorecardQuerySchema.extend(lang),
        response: { 200: csvReply, 400: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { lang: asked, ...query } = request.query;
      const locale = asked ?? request.actor!.locale;
      const scorecard = await getScorecard(ctx, query, locale);
      return sendCsv(
        reply,
        scorecardCsv(scorecard, locale),
        FILE_NAMES.scorecard[locale],
        ctx.now().toISOString(),
      );
    },
  );
};

function sendCsv(reply: FastifyReply, csv: string, title: string, at: string) {
  const fileName = downloadFileName([title, at.slice(0, 10)], 'csv', 'funding');
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', attachmentDisposition(fileName))
    .send(csv);
}
