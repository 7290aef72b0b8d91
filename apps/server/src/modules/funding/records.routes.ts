import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../lib/context.js';

/** The records routes of the funding module (docs/funding.md). */
export const recordsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  _app,
  _options,
) => {};
