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
import { attachmentDisposition } from '../../lib/download-names.js';
import { noContent } from '../../lib/no-content.js';
import { exportPlanMarkdown } from './plan-export.service.js';
import {
  comparePlanVersion,
  createNamedVersion,
  getPlanVersion,
  listPlanVersions,
  restorePlanVersion,
} from './versions.service.js';

const ProgramParams = z.object({ id: IdSchema });
const VersionParams = z.object({ id: IdSchema, versionId: IdSchema });
const tags = ['plans'];
// Sent as text/markdown, so Fastify does not serialize it; the schema documents the reply.
const PlanMarkdownResponse = {
  description: 'The plan as Markdown (an attachment)',
  content: { 'text/markdown': { schema: z.string() } },
};

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
    {
      ...requireProgram('editPlan'),
      schema: { tags, params: VersionParams, response: noContent },
    },
    async (request, reply) => {
      const { id: programId, versionId } = request.params;
      await restorePlanVersion(ctx, live, { actor: request.actor!, programId, versionId });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/programs/:id/plan.md',
    {
      ...requireProgram('read'),
      schema: {
        tags,
        params: ProgramParams,
        description:
          "The current plan as a Markdown file named after the program's code and title, starting with them (in the reader's language), the export time (in the reader's time zone) and the saved version the text is, or `current text` when it differs from the latest one.",
        response: { 200: PlanMarkdownResponse },
      },
    },
    async (request, reply) => {
      const { markdown, fileName } = await exportPlanMarkdown(ctx, live, {
        actor: request.actor!,
        programId: request.params.id,
      });
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', attachmentDisposition(fileName))
        .send(markdown);
    },
  );
};
