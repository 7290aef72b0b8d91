import {
  AccountCreatedReplySchema,
  InvitationPreviewSchema,
  LoginReplySchema,
  MeReplySchema,
  ProfileReplySchema,
  SessionsReplySchema,
  SetupStatusSchema,
  type AcceptInvitationInput,
  type ChangePasswordInput,
  type LoginInput,
  type SessionInfo,
  type SetupInput,
  type UpdateMeInput,
  type User,
} from '@mesa/shared';
import type { z } from 'zod';
import { getJson, sendJson } from './api';

/** The signed-in person and what they may do workspace-wide. */
export type Me = z.infer<typeof MeReplySchema>;

/** What an invitation link offers, before it is accepted. */
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

const segment = encodeURIComponent;

/** The signed-in person; throws ApiError 401 `unauthenticated` when signed out. */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return getJson('/api/me', MeReplySchema, signal);
}

/** Signs in; 401 `invalid_credentials`, 429 with `retryAfterSeconds`. */
export async function signIn(input: LoginInput): Promise<User> {
  return (await sendJson('POST', '/api/auth/login', input, LoginReplySchema)).user;
}

/** Signs out (ends this session and clears its cookie). */
export function signOut(): Promise<undefined> {
  return sendJson('POST', '/api/auth/logout');
}

/** Whether a setup link still works; 404 `setup_unavailable` otherwise. */
export async function checkSetupLink(token: string, signal?: AbortSignal): Promise<boolean> {
  return (await getJson(`/api/setup/${segment(token)}`, SetupStatusSchema, signal)).valid;
}

/** Creates the first administrator through the setup link and signs them in. */
export async function completeSetup(token: string, input: SetupInput): Promise<User> {
  const path = `/api/setup/${segment(token)}`;
  return (await sendJson('POST', path, input, AccountCreatedReplySchema)).user;
}

/** What an invitation link offers; 404 `invitation_invalid` when used, revoked or expired. */
export function fetchInvitationPreview(
  token: string,
  signal?: AbortSignal,
): Promise<InvitationPreview> {
  return getJson(`/api/invitations/${segment(token)}`, InvitationPreviewSchema, signal);
}

/** Accepts an invitation: creates the account and signs it in. */
export async function acceptInvitation(token: string, input: AcceptInvitationInput): Promise<User> {
  const path = `/api/invitations/${segment(token)}/accept`;
  return (await sendJson('POST', path, input, AccountCreatedReplySchema)).user;
}

/** Updates the signed-in person's name, language or time zone. */
export async function updateMe(input: UpdateMeInput): Promise<User> {
  return (await sendJson('PATCH', '/api/me', input, ProfileReplySchema)).user;
}

/** Changes the password; every other session ends. */
export function changePassword(input: ChangePasswordInput): Promise<undefined> {
  return sendJson('POST', '/api/auth/password', input);
}

/** The signed-in person's sessions, the current one flagged. */
export async function fetchSessions(signal?: AbortSignal): Promise<SessionInfo[]> {
  return (await getJson('/api/auth/sessions', SessionsReplySchema, signal)).data;
}

/** Ends one of the signed-in person's sessions. */
export function endSession(id: string): Promise<undefined> {
  return sendJson('DELETE', `/api/auth/sessions/${segment(id)}`);
}
