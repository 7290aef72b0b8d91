import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateOrganizationInputSchema,
  ErrorBodySchema,
  IdParamsSchema,
  OrganizationSchema,
  UpdateOrganizationInputSchema,
  listOf,
} from '@mesa/shared';
import { requireWorkspace } from '../../authz/guards.js';
import type { ServiceContext } from '../../lib/context.js';
import {
  createOrganization,
  listOrganizations,
  renameOrganization,
} from './organizations.service.js';

const OrganizationReplySchema = z.object({ organization: OrganizationSchema });

/** Organizations of the workspace: everyone reads, administrators create and rename. */
export const organizationsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/organizations',
    {
      ...requireWorkspace('readPortfolio'),
      schema: { tags: ['organizations'], response: { 200: listOf(OrganizationSchema) } },
    },
    async () => ({ data: await listOrganizations(ctx.db) }),
  );

  app.post(
    '/api/organizations',
    {
      ...requireWorkspace('administer'),
      schema: {
        tags: ['admin'],
        description:
          'Creates an organization with its names in English and Spanish (both required) and, optionally, its IATI organisation identifier (`XX-…`). 409 `conflict` when another organization has one of the names, in either language, or the IATI identifier.',
        body: CreateOrganizationInputSchema,
        response: { 201: OrganizationReplySchema, 400: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ organization: await createOrganization(ctx, request.body) }),
  );

  app.patch(
    '/api/organizations/:id',
    {
      ...requireWorkspace('administer'),
      schema: {
        tags: ['admin'],
        description:
          'Renames an organization: `name` and `shortName` each in both languages at once; sets or clears (null) its IATI organisation identifier; its kind does not change. 409 `conflict` for a name or IATI identifier another organization has.',
        params: IdParamsSchema,
        body: UpdateOrganizationInputSchema,
        response: {
          200: OrganizationReplySchema,
          400: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
        },
      },
    },
    async (request) => ({
      organization: await renameOrganization(ctx, request.params.id, request.body),
    }),
  );
};
