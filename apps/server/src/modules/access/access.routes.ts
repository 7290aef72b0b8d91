import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CoordinatorSchema,
  IdParamsSchema,
  ProgramOrganizationParamsSchema,
  ProgramRelationSchema,
  ProgramUserParamsSchema,
  PutRelationInputSchema,
  listOf,
} from '@mesa/shared';
import { requireProgram } from '../../authz/guards.js';
import type { ServiceContext } from '../../lib/context.js';
import {
  addCoordinator,
  listCoordinators,
  listRelations,
  removeCoordinator,
  removeRelation,
  setRelation,
} from './access.service.js';
import { noContent } from '../../lib/no-content.js';

const tags = ['admin'];

/** Who has access to a program: its coordinators and its organizations' relations (admins). */
export const accessRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const guard = requireProgram('administer');

  app.get(
    '/api/programs/:id/coordinators',
    {
      ...guard,
      schema: { tags, params: IdParamsSchema, response: { 200: listOf(CoordinatorSchema) } },
    },
    async (request) => ({ data: await listCoordinators(ctx, request.params.id) }),
  );

  app.put(
    '/api/programs/:id/coordinators/:userId',
    {
      ...guard,
      schema: {
        tags,
        description:
          'Names a person coordinator (204, idempotent; 404 for an unknown person); emits access.changed.',
        params: ProgramUserParamsSchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await addCoordinator(ctx, request.params.id, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/programs/:id/coordinators/:userId',
    { ...guard, schema: { tags, params: ProgramUserParamsSchema, response: noContent } },
    async (request, reply) => {
      await removeCoordinator(ctx, request.params.id, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/programs/:id/organizations',
    {
      ...guard,
      schema: { tags, params: IdParamsSchema, response: { 200: listOf(ProgramRelationSchema) } },
    },
    async (request) => ({ data: await listRelations(ctx, request.params.id) }),
  );

  app.put(
    '/api/programs/:id/organizations/:organizationId',
    {
      ...guard,
      schema: {
        tags,
        description:
          "Sets an organization's relation (204; 404 for an unknown organization); emits access.changed. The organizations with the Lead relation are the program's lead organizations; subscribers of the program hear `program.changed`.",
        params: ProgramOrganizationParamsSchema,
        body: PutRelationInputSchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      const { id, organizationId } = request.params;
      await setRelation(ctx, id, organizationId, request.body.relation);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/programs/:id/organizations/:organizationId',
    {
      ...guard,
      schema: { tags, params: ProgramOrganizationParamsSchema, response: noContent },
    },
    async (request, reply) => {
      await removeRelation(ctx, request.params.id, request.params.organizationId);
      return reply.code(204).send(null);
    },
  );
};
