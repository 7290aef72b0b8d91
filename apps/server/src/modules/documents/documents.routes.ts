import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreatePlanVersionInputSchema,
  IdSchema,
  PlanVersionComparisonSchema,
  PlanVersionContentSchema,
  PlanVersionSchema,
  listOf,
} from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import { requireProgram } from '../../authz/guards.js';
import type { LiveDocuments } from './live-documents.js';
import {
  comparePlanVersion,
  createNamedVersion,
  exportPlanMarkdown,
  getPlanVersion,
  listPlanVersions,
  restorePlanVersion,
} from './versions.service.js';

const ProgramParams = z.object({ id: IdSchema });
const VersionParams = z.object({ id: IdSchema, versionId: IdSchema });
const tags = ['plans'];

/** A plan's versions (list, save, open, compare, restore) and its Markdown export. */
export const documentsRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  live: LiveDocuments;
}> = async (app, { ctx, live }) => {
  app.get(
    '/api/programs/:id/plan/versions',
    {
      ...requireProgram('read'),
      schema: { tags, params: ProgramParams, response: { 200: listOf(PlanVersionSchema) } },
    },
    async (request) => ({ data: await listPlanVersions(ctx, request.actor!, request.params.id) }),
  );

  app.post(
    '/api/programs/:id/plan/versions',
    {
      ...requireProgram('editPlan'),
      schema: {
        tags,
        params: ProgramParams,
        body: CreatePlanVersionInputSchema,
        response: { 201: z.object({ version: PlanVersionSchema }) },
      },
    },
    async (request, reply) => {
      const input = {
        actor: request.actor!,
        programId: request.params.id,
        name: request.body.name,
      };
      return reply.code(201).send({ version: await createNamedVersion(ctx, live, input) });
    },
  );

  app.get(
    '/api/programs/:id/plan/versions/:versionId',
    {
      ...requireProgram('read'),
      schema: { tags, params: VersionParams, response: { 200: PlanVersionContentSchema } },
    },
    async (request) =>
      getPlanVersion(ctx, request.actor!, request.params.id, request.params.versionId),
  );

  app.get(
    '/api/programs/:id/plan/versions/:versionId/compare',
    {
      ...requireProgram('read'),
      schema: { tags, params: VersionParams, response: { 200: PlanVersionComparisonSchema } },
    },
    async (request) =>
      comparePlanVersion(ctx, live, {
        actor: request.actor!,
        programId: request.params.id,
        versionId: request.params.versionId,
      }),
  );

  app.post(
    '/api/programs/:id/plan/versions/:versionId/restore',
    { ...requireProgram('editPlan'), schema: { tags, params: VersionParams } },
    async (request, reply) => {
      const { id: programId, versionId } = request.params;
      await restorePlanVersion(ctx, live, { actor: request.actor!, programId, versionId });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/programs/:id/plan.md',
    { ...requireProgram('read'), schema: { tags, params: ProgramParams } },
    async (request, reply) => {
      const markdown = await exportPlanMarkdown(ctx, live, {
        actor: request.actor!,
        programId: request.params.id,
      });
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="plan-${request.params.id}.md"`)
        .send(markdown);
    },
  );
};
