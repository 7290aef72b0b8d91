import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AcceptInvitationInputSchema,
  AccountCreatedReplySchema,
  CreateInvitationInputSchema,
  ErrorBodySchema,
  IdParamsSchema,
  InvitationCreatedReplySchema,
  InvitationOptionsSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  TokenParamsSchema,
  listOf,
} from '@mesa/shared';
import { publicRoute, requireWorkspace } from '../../authz/guards.js';
import type { ServiceContext } from '../../lib/context.js';
import { signIn } from '../auth/index.js';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from './invitations.service.js';
import { invitationOptions } from './invitations.policy.js';
import { noContent } from '../../lib/no-content.js';

const tags = ['invitations'];

/** Invitation links: admins and coordinators make them, the invited person accepts. */
export const invitationsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/api/invitations',
    {
      ...requireWorkspace('invite'),
      schema: {
        tags,
        description:
          'Admins invite anyone to any role; a coordinator only members or viewers of organizations on programs they coordinate (403 otherwise). 409 when the email has an account.',
        body: CreateInvitationInputSchema,
        response: { 201: InvitationCreatedReplySchema, 403: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ invitation: await createInvitation(ctx, request.actor!, request.body) }),
  );

  app.get(
    '/api/invitations',
    {
      ...requireWorkspace('invite'),
      schema: { tags, response: { 200: listOf(InvitationSchema) } },
    },
    async (request) => ({ data: await listInvitations(ctx, request.actor!) }),
  );

  app.get(
    '/api/invitations/options',
    {
      ...requireWorkspace('invite'),
      schema: {
        tags,
        description:
          'The roles and organizations the person may choose when inviting: the same rule POST /api/invitations enforces.',
        response: { 200: InvitationOptionsSchema },
      },
    },
    async (request) => invitationOptions(ctx, request.actor!),
  );

  app.delete(
    '/api/invitations/:id',
    {
      ...requireWorkspace('invite'),
      schema: {
        tags,
        description: 'Revokes (204); 404 for one you may not see.',
        params: IdParamsSchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await revokeInvitation(ctx, request.actor!, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      ...publicRoute(),
      schema: {
        tags,
        params: TokenParamsSchema,
        response: { 200: InvitationPreviewSchema, 404: ErrorBodySchema },
      },
    },
    async (request) => previewInvitation(ctx, request.params.token),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      ...publicRoute(),
      schema: {
        tags,
        description:
          'Creates the account (email, role, organization from the invitation; `locale` and `timeZone` as sent, else MESA_DEFAULT_LOCALE and UTC) and signs it in; the link dies. 404 `invitation_invalid`, 400 `weak_password`, 400 `validation_failed` for an unknown locale or time zone.',
        params: TokenParamsSchema,
        body: AcceptInvitationInputSchema,
        response: { 201: AccountCreatedReplySchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const userId = await acceptInvitation(ctx, request.params.token, request.body);
      const user = await signIn(ctx, reply, userId, request.headers['user-agent'], request.ip);
      return reply.code(201).send({ user });
    },
  );
};
