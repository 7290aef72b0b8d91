import {
  CoordinatorSchema,
  InvitationCreatedReplySchema,
  InvitationOptionsSchema,
  InvitationSchema,
  PersonSchema,
  ProgramRelationSchema,
  ProgramReplySchema,
  listOf,
  type CreateInvitationInput,
  type CreateOrganizationInput,
  type CreateProgramInput,
  type Invitation,
  type InvitationOptions,
  type Person,
  type Program,
  type Relation,
  type Role,
  type UpdateOrganizationInput,
  type UpdateProgramInput,
} from '@mesa/shared';
import type { z } from 'zod';
import { getJson, sendJson } from './api';

/** A program's coordinator. */
export type Coordinator = z.infer<typeof CoordinatorSchema>;
/** An organization's relation to a program. */
export type ProgramRelation = z.infer<typeof ProgramRelationSchema>;
/** A freshly created invitation, the only time its link is shown. */
export type CreatedInvitation = z.infer<typeof InvitationCreatedReplySchema>['invitation'];

const segment = encodeURIComponent;
const PeopleSchema = listOf(PersonSchema);
const InvitationsSchema = listOf(InvitationSchema);
const CoordinatorsSchema = listOf(CoordinatorSchema);
const RelationsSchema = listOf(ProgramRelationSchema);

/** Creates an organization. */
export function createOrganization(input: CreateOrganizationInput): Promise<undefined> {
  return sendJson('POST', '/api/organizations', input);
}

/** Renames an organization (full and short name, each in both languages). */
export function renameOrganization(id: string, input: UpdateOrganizationInput): Promise<undefined> {
  return sendJson('PATCH', `/api/organizations/${segment(id)}`, input);
}

/** Every person of the workspace (administrators). */
export async function fetchPeople(signal?: AbortSignal): Promise<Person[]> {
  return (await getJson('/api/users', PeopleSchema, signal)).data;
}

/** Changes a person's role or deactivates (or reactivates) them. */
export function updatePerson(
  id: string,
  input: { role?: Role; active?: boolean },
): Promise<undefined> {
  return sendJson('PATCH', `/api/users/${segment(id)}`, input);
}

/** Creates an invitation and returns its one-time link. */
export async function createInvitation(input: CreateInvitationInput): Promise<CreatedInvitation> {
  return (await sendJson('POST', '/api/invitations', input, InvitationCreatedReplySchema))
    .invitation;
}

/** Pending invitations the person may see. */
export async function fetchInvitations(signal?: AbortSignal): Promise<Invitation[]> {
  return (await getJson('/api/invitations', InvitationsSchema, signal)).data;
}

/** The roles and organizations the person may choose when inviting (the server's own rule). */
export function fetchInvitationOptions(signal?: AbortSignal): Promise<InvitationOptions> {
  return getJson('/api/invitations/options', InvitationOptionsSchema, signal);
}

/** Revokes a pending invitation; its link dies. */
export function revokeInvitation(id: string): Promise<undefined> {
  return sendJson('DELETE', `/api/invitations/${segment(id)}`);
}

/** A program's coordinators. */
export async function fetchCoordinators(
  programId: string,
  signal?: AbortSignal,
): Promise<Coordinator[]> {
  const path = `/api/programs/${segment(programId)}/coordinators`;
  return (await getJson(path, CoordinatorsSchema, signal)).data;
}

/** Names a person coordinator of a program. */
export function addCoordinator(programId: string, userId: string): Promise<undefined> {
  return sendJson('PUT', `/api/programs/${segment(programId)}/coordinators/${segment(userId)}`);
}

/** Removes a program's coordinator. */
export function removeCoordinator(programId: string, userId: string): Promise<undefined> {
  return sendJson('DELETE', `/api/programs/${segment(programId)}/coordinators/${segment(userId)}`);
}

/** The organizations on a program and their relations. */
export async function fetchProgramRelations(
  programId: string,
  signal?: AbortSignal,
): Promise<ProgramRelation[]> {
  const path = `/api/programs/${segment(programId)}/organizations`;
  return (await getJson(path, RelationsSchema, signal)).data;
}

/** Sets an organization's relation to a program. */
export function setProgramRelation(
  programId: string,
  organizationId: string,
  relation: Relation,
): Promise<undefined> {
  const path = `/api/programs/${segment(programId)}/organizations/${segment(organizationId)}`;
  return sendJson('PUT', path, { relation });
}

/** Takes an organization off a program. */
export function removeProgramRelation(
  programId: string,
  organizationId: string,
): Promise<undefined> {
  const path = `/api/programs/${segment(programId)}/organizations/${segment(organizationId)}`;
  return sendJson('DELETE', path);
}

/** Creates a program. */
export async function createProgram(input: CreateProgramInput): Promise<Program> {
  return (await sendJson('POST', '/api/programs', input, ProgramReplySchema)).program;
}

/** Edits a program's details. */
export async function updateProgram(id: string, input: UpdateProgramInput): Promise<Program> {
  const path = `/api/programs/${segment(id)}`;
  return (await sendJson('PATCH', path, input, ProgramReplySchema)).program;
}
