import { z } from 'zod';
import { trimmedString } from '../text.js';
import { IdSchema } from '../ids.js';
import { Limits } from '../limits.js';
import { LocaleSchema } from '../locale.js';
import { TimeZoneSchema } from '../time-zones.js';
import { EmailSchema, UserSchema } from './user.js';

/**
 * A new password as sent: only the upper bound is checked here, so a 10 MB string is refused
 * before hashing; length, common passwords and "same as email" are answered `weak_password`.
 */
export const NewPasswordSchema = z.string().max(Limits.passwordMaxLength);

/**
 * The password rules a refused new password breaks, named in a `weak_password` error's
 * `reasons` so the form can say at the field exactly what is wrong.
 */
export const PasswordRules = ['too_short', 'too_long', 'common', 'same_as_email'] as const;

/** One password rule broken. */
export type PasswordRule = (typeof PasswordRules)[number];

/** A person's display name. */
export const PersonNameSchema = trimmedString().min(1).max(Limits.nameMaxLength);

/** One session of the signed-in person, as `GET /api/auth/sessions` lists it. */
export const SessionInfoSchema = z.object({
  /** Public id of the session (never its secret). */
  id: z.string(),
  /** When it was opened (UTC ISO 8601). */
  createdAt: z.string(),
  /** Last request seen with it, to the minute. */
  lastActiveAt: z.string(),
  /** Browser that opened it, as it said. */
  userAgent: z.string().nullable(),
  /** Address it was opened from. */
  ip: z.string().nullable(),
  /** Whether this is the session making the request. */
  current: z.boolean(),
});

/** A session as listed. */
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** `GET /api/auth/sessions` reply. */
export const SessionsReplySchema = z.object({ data: z.array(SessionInfoSchema) });

/** `DELETE /api/auth/sessions/:id` params. */
export const SessionParamsSchema = z.object({
  /** The session's public id. */
  id: z.string().min(1).max(64),
});

/** `POST /api/auth/password` body. */
export const ChangePasswordInputSchema = z.strictObject({
  /** The password in use now. */
  currentPassword: z.string().max(Limits.passwordMaxLength),
  /** The password to use from now on. */
  newPassword: NewPasswordSchema,
});

/** Password change input. */
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

/** `GET /api/setup/:token` reply when the link still works. */
export const SetupStatusSchema = z.object({
  /** Always true: an unusable link answers 404 `setup_unavailable`. */
  valid: z.literal(true),
});

/** `POST /api/setup/:token` body: the first administrator. */
export const SetupInputSchema = z.strictObject({
  /** Their email address. */
  email: EmailSchema,
  /** Their display name. */
  name: PersonNameSchema,
  /** Their password. */
  password: NewPasswordSchema,
  /** Interface language: the one the form was filled in (default `MESA_DEFAULT_LOCALE`). */
  locale: LocaleSchema.optional(),
  /** Time zone: the browser's (default UTC); changeable in the profile. */
  timeZone: TimeZoneSchema.optional(),
});

/** First-administrator input. */
export type SetupInput = z.infer<typeof SetupInputSchema>;

/** Params of the public token routes (setup and invitation links). */
export const TokenParamsSchema = z.object({
  /** The token from the link. */
  token: z.string().min(1).max(100),
});

/** The reply of routes that create an account and sign it in. */
export const AccountCreatedReplySchema = z.object({
  /** The new, signed-in person. */
  user: UserSchema,
});

/** Params naming one id. */
export const IdParamsSchema = z.object({
  /** The resource id. */
  id: IdSchema,
});

/** `PATCH /api/me` body: the signed-in person's own profile; any subset of the fields. */
export const UpdateMeInputSchema = z.strictObject({
  /** Display name. */
  name: PersonNameSchema.optional(),
  /** Interface language. */
  locale: LocaleSchema.optional(),
  /** Time zone dates and times are shown in. */
  timeZone: TimeZoneSchema.optional(),
});

/** Profile update input. */
export type UpdateMeInput = z.infer<typeof UpdateMeInputSchema>;

/** `PATCH /api/me` reply: the person as updated. */
export const ProfileReplySchema = z.object({
  /** The signed-in person. */
  user: UserSchema,
});
