import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../lib/context.js';

/** The iati routes of the funding module (docs/funding.md). */
export const iatiRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  _app,
  _options,
) => {};
