import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrganizationSchema, listOf } from '@mesa/shared';
import { listOrganizations } from './organizations.service.js';
import { requireWorkspace } from '../../authz/guards.js';

/** Organizations of the workspace. */
export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/organizations',
    {
      ...requireWorkspace('readPortfolio'),
      schema: { tags: ['organizations'], response: { 200: listOf(OrganizationSchema) } },
    },
    async () => ({ data: await listOrganizations(app.db.kysely) }),
  );
};
