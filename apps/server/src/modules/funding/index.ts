/**
 * The funding module (docs/funding.md): commitment records and their transactions, exchange
 * rates and conversion, the dashboard and scorecard, IATI export and import, the seed of the
 * documented pledges, and the live `funding.changed`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../lib/context.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { iatiRoutes } from './iati.routes.js';
import { ratesRoutes } from './rates.routes.js';
import { recordsRoutes } from './records.routes.js';

export { registerFundingRealtime } from './funding.realtime.js';
export { listCurrencies, currencyDigits } from './currencies.js';
export {
  addRecord,
  addTransaction,
  type NewRecord,
  type NewTransaction,
  type WriteStamp,
} from './funding.writes.js';

export { recordFigures, type FigureInput } from './records.presenter.js';
export { getRecord, listProgramRecords, parseAmount } from './records.service.js';

/** Every funding route. */
export const fundingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, opts) => {
  await app.register(recordsRoutes, opts);
  await app.register(ratesRoutes, opts);
  await app.register(dashboardRoutes, opts);
  await app.register(iatiRoutes, opts);
};
