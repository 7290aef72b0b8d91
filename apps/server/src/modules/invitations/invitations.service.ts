import {
  ErrorCodes,
  RoleSchema,
  type AcceptInvitationInput,
  type CreateInvitationInput,
  type Invitation,
} from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import { forbidden } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, ConflictError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { findUserByEmail, generateOneTimeToken, hashSecret } from '../auth/index.js';
import { createAccount } from '../users/index.js';
import { getOrganization } from '../organizations/index.js';
import { mayInvite, seesAllInvitations } from './invitations.policy.js';
import { presentInvitation } from './invitations.presenter.js';
import {
  deleteInvitation,
  findInvitationByHash,
  findInvitationById,
  insertInvitation,
  listPendingInvitations,
  markInvitationAccepted,
} from './invitations.repository.js';

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

function invalid(): AppError {
  return new AppError(
    404,
    ErrorCodes.invitationInvalid,
    'This invitation link is not valid: it was used, revoked or has expired.',
  );
}

/** Creates an invitation link; the token is returned once and only its hash is stored. */
export async function createInvitation(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateInvitationInput,
): Promise<{ id: string; token: string; url: string; expiresAt: string }> {
  await getOrganization(ctx, input.organizationId);
  if (!(await mayInvite(ctx, actor, input.role, input.organizationId))) throw forbidden();
  if (await findUserByEmail(ctx.db, input.email)) {
    throw new ConflictError('Somebody already has an account with this email.', 'email');
  }
  const { token, hash } = generateOneTimeToken();
  const now = ctx.now();
  const id = newId();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString();
  await insertInvitation(ctx.db, {
    id,
    token_hash: hash,
    email: input.email,
    role: input.role,
    organization_id: input.organizationId,
    invited_by: actor.userId,
    created_at: now.toISOString(),
    expires_at: expiresAt,
  });
  return { id, token, url: `${ctx.config.publicUrl}/invite/${token}`, expiresAt };
}

async function usableInvitation(ctx: ServiceContext, token: string) {
  const row = await findInvitationByHash(ctx.db, hashSecret(token));
  if (!row || row.accepted_at !== null || row.expires_at <= ctx.now().toISOString()) {
    throw invalid();
  }
  return row;
}

/** What an invitation link offers; 404 `invitation_invalid` once used, revoked or expired. */
export async function previewInvitation(ctx: ServiceContext, token: string) {
  const row = await usableInvitation(ctx, token);
  return {
    email: row.email,
    role: RoleSchema.parse(row.role),
    organizationName: { en: row.organization_name_en, es: row.organization_name_es },
    expiresAt: row.expires_at,
  };
}

/**
 * Creates the invited account once: email, role and organization from the invitation; name,
 * password, language and time zone from the person (else MESA_DEFAULT_LOCALE and UTC).
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  token: string,
  input: AcceptInvitationInput,
): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const row = await usableInvitation(tx, token);
    const userId = await createAccount(tx, {
      email: row.email,
      name: input.name,
      password: input.password,
      role: RoleSchema.parse(row.role),
      organizationId: row.organization_id,
      locale: input.locale,
      timeZone: input.timeZone,
    });
    const at = ctx.now().toISOString();
    if (!(await markInvitationAccepted(trx, row.id, userId, at))) throw invalid();
    return userId;
  });
}

/** Pending invitations: all of them for admins, a coordinator's own otherwise. */
export async function listInvitations(ctx: ServiceContext, actor: Actor): Promise<Invitation[]> {
  const all = await seesAllInvitations(ctx, actor);
  const now = ctx.now().toISOString();
  const rows = await listPendingInvitations(ctx.db, now, all ? null : actor.userId);
  return rows.map(presentInvitation);
}

/** Revokes an invitation: admins any, a coordinator their own; 404 otherwise. */
export async function revokeInvitation(ctx: ServiceContext, actor: Actor, id: string) {
  const row = await findInvitationById(ctx.db, id);
  const visible =
    row && (row.invited_by === actor.userId || (await seesAllInvitations(ctx, actor)));
  if (!visible) throw new NotFoundError('invitation');
  await deleteInvitation(ctx.db, id);
}
