import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { Limits } from '../limits.js';
import { RelationSchema, RoleSchema } from '../permissions.js';
import { LocalizedTextSchema, localizedInput } from './localized.js';
import { OrganizationKindSchema } from './organization.js';
import { CountryCodeSchema } from './program.js';
import { IatiIdentifierSchema } from './funding.js';

/** `POST /api/organizations` body. */
export const CreateOrganizationInputSchema = z.strictObject({
  /** Full name in English and in Spanish, both required (unique among organizations). */
  name: localizedInput(Limits.nameMaxLength),
  /** Short name in English and in Spanish, both required. */
  shortName: localizedInput(Limits.shortNameMaxLength),
  /** Kind of organization. */
  kind: OrganizationKindSchema,
  /** ISO 3166-1 alpha-2 code for states. */
  countryCode: CountryCodeSchema.nullable().optional(),
  /** IATI organisation identifier (`XX-…`), unique among organizations; null for none. */
  iatiIdentifier: IatiIdentifierSchema.nullable().optional(),
});

/** Organization input. */
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInputSchema>;

/** `PATCH /api/organizations/:id` body: rename, in both languages at once. */
export const UpdateOrganizationInputSchema = z.strictObject({
  /** New full name in English and in Spanish. */
  name: localizedInput(Limits.nameMaxLength).optional(),
  /** New short name in English and in Spanish. */
  shortName: localizedInput(Limits.shortNameMaxLength).optional(),
  /** IATI organisation identifier (`XX-…`), unique among organizations; null clears it. */
  iatiIdentifier: IatiIdentifierSchema.nullable().optional(),
});

/** Organization rename input. */
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInputSchema>;

/** A person as administrators see them. */
export const PersonSchema = z.object({
  /** Opaque id. */
  id: IdSchema,
  /** Email address. */
  email: z.string(),
  /** Display name. */
  name: z.string(),
  /** Workspace role. */
  role: RoleSchema,
  /** Their organization. */
  organizationId: IdSchema,
  /** Name of their organization in each language. */
  organizationName: LocalizedTextSchema,
  /** False once deactivated (cannot sign in; keeps authorship). */
  active: z.boolean(),
  /** When the account was created. */
  createdAt: z.string(),
});

/** A person, administrator's view. */
export type Person = z.infer<typeof PersonSchema>;

/** `PATCH /api/users/:id` body. */
export const UpdateUserInputSchema = z.strictObject({
  /** New role. */
  role: RoleSchema.optional(),
  /** False deactivates (their sessions end at once); true reactivates. */
  active: z.boolean().optional(),
});

/** A program's coordinator. */
export const CoordinatorSchema = z.object({
  /** The person. */
  userId: IdSchema,
  /** Their name. */
  name: z.string(),
  /** Their email. */
  email: z.string(),
  /** Their organization. */
  organizationId: IdSchema,
});

/** Params naming a program and a person. */
export const ProgramUserParamsSchema = z.object({
  /** Program id. */
  id: IdSchema,
  /** Person id. */
  userId: IdSchema,
});

/** An organization's relation to a program. */
export const ProgramRelationSchema = z.object({
  /** The organization. */
  organizationId: IdSchema,
  /** Its name in each language. */
  organizationName: LocalizedTextSchema,
  /** Lead, partner or observer. */
  relation: RelationSchema,
});

/** Params naming a program and an organization. */
export const ProgramOrganizationParamsSchema = z.object({
  /** Program id. */
  id: IdSchema,
  /** Organization id. */
  organizationId: IdSchema,
});

/** `PUT /api/programs/:id/organizations/:organizationId` body. */
export const PutRelationInputSchema = z.strictObject({
  /** The relation to set. */
  relation: RelationSchema,
});
