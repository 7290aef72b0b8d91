import { z } from 'zod';
// Types only: permissions.ts imports this file at run time, so nothing flows back.
import type { ProgramAction, Relation, Role } from './permissions.js';

/**
 * Why the policy refuses a person an action on a program. Replies carry one per refused action
 * (`abilities.denied`), so the web app can explain a refusal without knowing the rules.
 */
export const DenialReasons = [
  /** Their organization has no relation to the program: nothing inside it is open to them. */
  'no_relation',
  /** Their role is `viewer` (a read-only delegate): they read and follow, never write. */
  'read_only_role',
  /** Their organization observes the program: its members read and comment only. */
  'observer_relation',
  /** The action belongs to the program's coordinators (and administrators). */
  'not_coordinator',
  /** The action belongs to workspace administrators. */
  'admin_only',
] as const;
/** Denial reason schema. */
export const DenialReasonSchema = z.enum(DenialReasons);
/** Why an action is refused. */
export type DenialReason = z.infer<typeof DenialReasonSchema>;

/** The facts a refusal is explained by: the role and the relation that counts. */
export interface DenialFacts {
  /** Workspace role. */
  role: Role;
  /** Effective relation (the SICA Secretariat counts as lead), or null for none. */
  relation: Relation | null;
}

/**
 * The reason an action that `programAbilities` refused is refused, the most fundamental first:
 * without a relation nothing is open whatever the role; a viewer writes nothing whatever the
 * relation; an observer organization's members do not edit; what remains is kept for
 * coordinators, and administration for administrators.
 */
export function denialReason(action: ProgramAction, facts: DenialFacts): DenialReason {
  if (action === 'administer') return 'admin_only';
  if (facts.relation === null) return 'no_relation';
  if (facts.role === 'viewer') return 'read_only_role';
  if (facts.relation === 'observer') return 'observer_relation';
  return 'not_coordinator';
}
