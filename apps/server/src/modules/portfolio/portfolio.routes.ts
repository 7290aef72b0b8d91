import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../lib/context.js';
import {
  ComponentSchema,
  CreateProgramInputSchema,
  ErrorBodySchema,
  IdSchema,
  ProgramReplySchema,
  ProgramSchema,
  UpdateProgramInputSchema,
  listOf,
} from '@mesa/shared';
import { createProgram, updateProgram } from './programs.service.js';
import { getProgram, listComponents, listPrograms } from './portfolio.service.js';
import { requireProgram, requireWorkspace } from '../../authz/guards.js';

/** Components and programs: the portfolio. */
export const portfolioRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/components',
    {
      ...requireWorkspace('readPortfolio'),
      schema: { tags: ['portfolio'], response: { 200: listOf(ComponentSchema) } },
    },
    async () => ({ data: await listComponents(ctx) }),
  );

  app.get(
    '/api/programs',
    {
      ...requireWorkspace('readPortfolio'),
      schema: { tags: ['portfolio'], response: { 200: listOf(ProgramSchema) } },
    },
    async (request) => ({ data: await listPrograms(ctx, request.actor!) }),
  );

  app.get(
    '/api/programs/:id',
    {
      ...requireProgram('read'),
      schema: {
        tags: ['portfolio'],
        params: z.object({ id: IdSchema }),
        response: { 200: ProgramReplySchema },
      },
    },
    async (request) => ({ program: await getProgram(ctx, request.actor!, request.params.id) }),
  );

  app.post(
    '/api/programs',
    {
      ...requireWorkspace('createProgram'),
      schema: {
        tags: ['portfolio'],
        description:
          'Creates a program (and its plan document, in the creator’s language); emits program.created. 409 `conflict` for a taken code. Lead organizations are not a field: they are the organizations with the Lead relation (`PUT /api/programs/:id/organizations/:organizationId`), listed as `leadOrganizationIds`.',
        body: CreateProgramInputSchema,
        response: { 201: ProgramReplySchema, 400: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ program: await createProgram(ctx, request.actor!, request.body) }),
  );

  app.patch(
    '/api/programs/:id',
    {
      ...requireProgram('editDetails'),
      schema: {
        tags: ['portfolio'],
        description:
          "Edits a program's details; emits program.updated. 409 for a taken code. `leadOrganizationId` is refused (400): set the Lead relation instead.",
        params: z.object({ id: IdSchema }),
        body: UpdateProgramInputSchema,
        response: { 200: ProgramReplySchema, 400: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request) => ({
      program: await updateProgram(ctx, request.actor!, request.params.id, request.body),
    }),
  );
};
