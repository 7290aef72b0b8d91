import { z } from 'zod';
import { trimmedString } from '../text.js';
import { IdSchema } from '../ids.js';
import { Limits } from '../limits.js';
import { LocaleSchema } from '../locale.js';
import { RoleSchema, WorkspaceAbilitiesSchema } from '../permissions.js';

/** An email address, trimmed and lower-cased. */
export const EmailSchema = trimmedString()
  .max(Limits.emailMaxLength)
  .pipe(z.email({ error: 'must be an email address' }))
  .transform((s) => s.toLowerCase());

/** A signed-in person as `/api/me` and sign-in return them. */
export const UserSchema = z.object({
  /** Opaque id. */
  id: IdSchema,
  /** Email address, lower-case. */
  email: z.string(),
  /** Display name. */
  name: z.string(),
  /** Workspace role. */
  role: RoleSchema,
  /** The person's organization. */
  organizationId: IdSchema,
  /** Interface language. */
  locale: LocaleSchema,
  /** IANA time zone, e.g. "America/Guatemala". */
  timeZone: z.string(),
});

/** A person. */
export type User = z.infer<typeof UserSchema>;

/** `GET /api/me`. */
export const MeReplySchema = z.object({
  /** Who is signed in. */
  user: UserSchema,
  /** What they may do workspace-wide. */
  abilities: WorkspaceAbilitiesSchema,
});

/** `POST /api/auth/login` body. */
export const LoginInputSchema = z.strictObject({
  /** Email address. */
  email: z.string().max(Limits.emailMaxLength),
  /** Password; refused before hashing when longer than the limit. */
  password: z.string().min(1).max(Limits.passwordMaxLength),
});

/** Sign-in input. */
export type LoginInput = z.infer<typeof LoginInputSchema>;

/** `POST /api/auth/login` reply. */
export const LoginReplySchema = z.object({ user: UserSchema });
