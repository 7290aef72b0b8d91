import { invitableRoles, type Role } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import { can, programsActorMayInviteTo, workspaceResource } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { programsOfOrganization } from '../access/index.js';
import { getOrganization } from '../organizations/index.js';

/**
 * Whether the actor may invite someone with `role` into the organization: admins anyone;
 * a coordinator only members or viewers of an organization on a program they coordinate.
 */
export async function mayInvite(
  ctx: ServiceContext,
  actor: Actor,
  role: Role,
  organizationId: string,
): Promise<boolean> {
  const workspace = await workspaceResource(ctx, actor);
  if (!can(actor, 'invite', workspace)) return false;
  if (can(actor, 'administer', workspace)) return true;
  if (!invitableRoles(actor, true).includes(role)) return false;
  const organization = await getOrganization(ctx, organizationId);
  const mine = await programsActorMayInviteTo(ctx, actor);
  // The SICA Secretariat is treated as lead on every program, so it is on all of them.
  if (organization.kind === 'sica_secretariat') return mine.length > 0;
  const theirs = new Set(await programsOfOrganization(ctx, organizationId));
  return mine.some((programId) => theirs.has(programId));
}

/** Whether the actor sees every pending invitation (admins) or only their own. */
export async function seesAllInvitations(ctx: ServiceContext, actor: Actor): Promise<boolean> {
  return can(actor, 'administer', await workspaceResource(ctx, actor));
}
