import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../lib/context.js';

/** The dashboard routes of the funding module (docs/funding.md). */
export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  _app,
  _options,
) => {};
