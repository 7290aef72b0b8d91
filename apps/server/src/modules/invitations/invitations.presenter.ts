import { RoleSchema, type Invitation } from '@mesa/shared';
import type { InvitationRow } from './invitations.repository.js';

/** A pending invitation as listed (never the token). */
export function presentInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: RoleSchema.parse(row.role),
    organizationId: row.organization_id,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
