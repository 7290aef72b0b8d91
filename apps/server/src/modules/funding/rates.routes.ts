import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema,
  ExchangeRateChangeReplySchema,
  ExchangeRateListSchema,
  ExchangeRatesQuerySchema,
  IdParamsSchema,
  PutExchangeRateInputSchema,
  RatesFileRefusedSchema,
  RatesImportReplySchema,
} from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import { requireWorkspace, signedIn } from '../../authz/guards.js';
import {
  MAX_IMPORT_LINES,
  RatesFileError,
  deleteRate,
  importRates,
  listRates,
  putRate,
} from './rates.service.js';

const tags = ['funding'];

/** The largest rates file accepted. */
export const MAX_RATES_FILE_BYTES = 512 * 1024;

/** Exchange rates: the table everyone reads, and the admins' changes and CSV import. */
export const ratesRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  // Rates files arrive as text/csv; only this plugin's routes read that type.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: MAX_RATES_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/funding/rates',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'Exchange rates (units of the currency per USD) by currency, newest date first; optionally of one currency.',
        querystring: ExchangeRatesQuerySchema,
        response: { 200: ExchangeRateListSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => ({ rates: await listRates(ctx, request.query.currency) }),
  );

  app.put(
    '/api/funding/rates',
    {
      ...requireWorkspace('manageExchangeRates'),
      schema: {
        tags,
        description:
          'Adds the rate of a currency on a date, or corrects the one stored for that currency and date; then re-converts, in the same transaction, every transaction of that currency it governs (history `transaction.reconverted` by the admin). Emits funding.changed (all).',
        body: PutExchangeRateInputSchema,
        response: { 200: ExchangeRateChangeReplySchema, 400: ErrorBodySchema },
      },
    },
    async (request) => putRate(ctx, request.actor!, request.body),
  );

  app.delete(
    '/api/funding/rates/:id',
    {
      ...requireWorkspace('manageExchangeRates'),
      schema: {
        tags,
        description:
          'Deletes a rate; the transactions it governed fall back to an earlier rate or to "no rate" (re-converted, with history). Emits funding.changed (all).',
        params: IdParamsSchema,
        response: { 200: ExchangeRateChangeReplySchema },
      },
    },
    async (request) => deleteRate(ctx, request.actor!, request.params.id),
  );

  app.post(
    '/api/funding/rates/import',
    {
      ...requireWorkspace('manageExchangeRates'),
      bodyLimit: MAX_RATES_FILE_BYTES,
      schema: {
        tags,
        description: `Imports rates from a CSV file (Content-Type text/csv, header \`currency,date,rate,source\`, at most ${MAX_IMPORT_LINES} lines and ${MAX_RATES_FILE_BYTES / 1024} KiB), all or nothing: any bad line (or a cell starting like a spreadsheet formula) answers 400 with every problem by line and stores nothing. Each line adds or corrects a rate; what they govern is re-converted. Emits funding.changed (all).`,
        body: z.string(),
        response: {
          200: RatesImportReplySchema,
          400: z.union([RatesFileRefusedSchema, ErrorBodySchema]),
        },
      },
    },
    async (request, reply) => {
      try {
        return await importRates(ctx, request.actor!, request.body);
      } catch (error) {
        if (!(error instanceof RatesFileError)) throw error;
        return reply.code(400).send({
          error: {
            code: 'validation_failed' as const,
            message: error.message,
            field: 'file' as const,
            problems: error.problems,
          },
        });
      }
    },
  );
};
