import { invitableRoles, type InvitationOptions, type Role } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import {
  can,
  programsActorMayInviteTo,
  workspaceResource,
  workspaceResourceFor,
} from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { organizationsOnPrograms } from '../access/index.js';
import { listOrganizations } from '../organizations/index.js';

/**
 * What the actor may choose when inviting someone: administrators any role into any
 * organization; a coordinator members or viewers of the organizations on a program they
 * coordinate, and of the SICA Secretariat (treated as lead on every program). Nothing for
 * anyone else. The one rule the form's choices and the check on creation both come from.
 */
export async function invitationOptions(
  ctx: ServiceContext,
  actor: Actor,
): Promise<InvitationOptions> {
  const mine = await programsActorMayInviteTo(ctx, actor);
  const workspace = workspaceResourceFor(mine);
  if (!can(actor, 'invite', workspace)) return { roles: [], organizations: [] };
  const all = await listOrganizations(ctx.db);
  if (can(actor, 'administer', workspace))
    return { roles: invitableRoles(actor, false), organizations: all };
  if (mine.length === 0) return { roles: [], organizations: [] };
  const onMine = new Set(await organizationsOnPrograms(ctx, mine));
  return {
    roles: invitableRoles(actor, true),
    organizations: all.filter((o) => o.kind === 'sica_secretariat' || onMine.has(o.id)),
  };
}

/** Whether the actor may invite someone with `role` into the organization. */
export async function mayInvite(
  ctx: ServiceContext,
  actor: Actor,
  role: Role,
  organizationId: string,
): Promise<boolean> {
  const options = await invitationOptions(ctx, actor);
  return options.roles.includes(role) && options.organizations.some((o) => o.id === organizationId);
}

/** Whether the actor sees every pending invitation (admins) or only their own. */
export async function seesAllInvitations(ctx: ServiceContext, actor: Actor): Promise<boolean> {
  return can(actor, 'administer', await workspaceResource(ctx, actor));
}
