import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { LocaleSchema } from '../locale.js';
import { TimeZoneSchema } from '../time-zones.js';
import { RoleSchema } from '../permissions.js';
import { NewPasswordSchema, PersonNameSchema } from './account.js';
import { LocalizedTextSchema } from './localized.js';
import { OrganizationSchema } from './organization.js';
import { EmailSchema } from './user.js';

/** `POST /api/invitations` body. */
export const CreateInvitationInputSchema = z.strictObject({
  /** Email of the person invited; their account will have it. */
  email: EmailSchema,
  /** Role they will have (coordinators may give only member or viewer). */
  role: RoleSchema,
  /** Organization they will belong to. */
  organizationId: IdSchema,
});

/** Invitation input. */
export type CreateInvitationInput = z.infer<typeof CreateInvitationInputSchema>;

/** `GET /api/invitations/options`: what the person may choose when they invite someone. */
export const InvitationOptionsSchema = z.object({
  /** Roles they may give: all for administrators, member and viewer for coordinators. */
  roles: z.array(RoleSchema),
  /**
   * Organizations they may invite into: all for administrators; for a coordinator, those on a
   * program they coordinate, and the SICA Secretariat (lead on every program).
   */
  organizations: z.array(OrganizationSchema),
});
export type InvitationOptions = z.infer<typeof InvitationOptionsSchema>;

/** `POST /api/invitations` reply: the only time the token is shown. */
export const InvitationCreatedReplySchema = z.object({
  invitation: z.object({
    /** Invitation id (for revoking). */
    id: IdSchema,
    /** The one-time token; only its hash is stored. */
    token: z.string(),
    /** The link to give the person: `<PUBLIC_URL>/invite/<token>`. */
    url: z.string(),
    /** When the link dies (UTC ISO 8601). */
    expiresAt: z.string(),
  }),
});

/** A pending invitation as `GET /api/invitations` lists it. */
export const InvitationSchema = z.object({
  /** Invitation id. */
  id: IdSchema,
  /** Email invited. */
  email: z.string(),
  /** Role they will have. */
  role: RoleSchema,
  /** Their organization. */
  organizationId: IdSchema,
  /** Who invited them. */
  invitedBy: IdSchema,
  /** When (UTC ISO 8601). */
  createdAt: z.string(),
  /** When the link dies. */
  expiresAt: z.string(),
});

/** A pending invitation. */
export type Invitation = z.infer<typeof InvitationSchema>;

/** `GET /api/invitations/:token` reply: what the invited person is about to accept. */
export const InvitationPreviewSchema = z.object({
  /** Email the account will have. */
  email: z.string(),
  /** Role the account will have. */
  role: RoleSchema,
  /** Name of the organization they join, in each language. */
  organizationName: LocalizedTextSchema,
  /** When the link dies. */
  expiresAt: z.string(),
});

/** `POST /api/invitations/:token/accept` body. */
export const AcceptInvitationInputSchema = z.strictObject({
  /** Display name. */
  name: PersonNameSchema,
  /** Password of the new account. */
  password: NewPasswordSchema,
  /** Interface language: the one the form was filled in (default `MESA_DEFAULT_LOCALE`). */
  locale: LocaleSchema.optional(),
  /** Time zone: the browser's (default UTC); changeable in the profile. */
  timeZone: TimeZoneSchema.optional(),
});

/** Invitation acceptance input. */
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInputSchema>;
