import {
  commitmentAbilities,
  type CommitmentAction,
  type CommitmentFacts,
  meetingAbilities,
  type MeetingAction,
  type MeetingFacts,
  programAbilities,
  roundAbilities,
  type RoundAction,
  type RoundFacts,
  workspaceAbilities,
  type ProgramAction,
  type ProgramFacts,
  type WorkspaceAbilities,
  type WorkspaceFacts,
} from '@mesa/shared';
import type { Actor } from './actor.js';

// An action on one program: a key of the shared ability flags (not of `denied`).
export type { ProgramAction, RoundAction, MeetingAction, CommitmentAction };
/** A workspace-wide action (a key of WorkspaceAbilities). */
export type WorkspaceAction = keyof WorkspaceAbilities;

/** What an action is about: the workspace, or one program with the actor's standing on it. */
export type Resource =
  | { type: 'workspace'; facts?: WorkspaceFacts }
  | { type: 'program'; programId: string; facts: ProgramFacts }
  | { type: 'round'; roundId: string; facts: RoundFacts }
  | { type: 'meeting'; meetingId: string; facts: MeetingFacts }
  | { type: 'commitment'; recordId: string | null; facts: CommitmentFacts };

/**
 * The one place the rules of packages/shared are evaluated. Routes, socket handlers, room
 * joins and document connections all ask here.
 */
export function can(
  actor: Pick<Actor, 'role' | 'organizationKind'> | null,
  action: ProgramAction | WorkspaceAction | RoundAction | MeetingAction | CommitmentAction,
  resource: Resource,
): boolean {
  if (!actor) return false;
  if (resource.type === 'workspace') {
    return workspaceAbilities(actor, resource.facts)[action as WorkspaceAction] ?? false;
  }
  if (resource.type === 'meeting') {
    return meetingAbilities(actor, resource.facts)[action as MeetingAction] ?? false;
  }
  if (resource.type === 'commitment') {
    return commitmentAbilities(actor, resource.facts)[action as CommitmentAction] ?? false;
  }
  if (resource.type === 'round') {
    return roundAbilities(actor, resource.facts)[action as RoundAction] ?? false;
  }
  return programAbilities(actor, resource.facts)[action as ProgramAction] ?? false;
}
