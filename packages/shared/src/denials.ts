import { z } from 'zod';
// Types only: permissions.ts imports this file at run time, so nothing flows back.
import type { MeetingFacts, ProgramAction, Relation, Role, RoundFacts } from './permissions.js';
import type { MeetingAction } from './schemas/meeting.js';
import type { CommitmentAction } from './schemas/funding.js';
import type { RoundAction } from './schemas/priorities.js';

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
  /** Their organization is no delegation: it leads or partners on no program (priority rounds). */
  'not_delegation',
  /** The round is closed: it is read-only, its results the record. */
  'round_closed',
  /** The round is still open (it can only be reopened once closed). */
  'round_open',
  /** The round shows its board and ballots only once it is closed. */
  'results_hidden',
  /** Only the admin who opened the round closes it early. */
  'not_round_owner',
  /** Their organization does not take part in the meeting: nothing of it is open to them. */
  'not_participant',
  /** The action belongs to the meeting's chair. */
  'not_chair',
  /** The action belongs to the meeting's chair, co-chairs and rapporteurs. */
  'not_meeting_officer',
  /** Taking over the chair belongs to co-chairs, coordinators of its programs and admins. */
  'not_deputy',
  /** Not possible at this stage of the meeting (before it starts, once it ended, published or cancelled). */
  'meeting_stage',
  /** A commitment record belongs to its donor organization (and the program's coordinators, admins). */
  'not_own_organization',
  /** Confirming a transaction belongs to the receiving organization's members (and admins). */
  'not_receiving_organization',
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

/**
 * Why `roundAbilities` refuses an action on a priority round: a closed round takes no ballot;
 * a viewer writes nothing; an organization that leads or partners on no program has no vote.
 */
export function roundDenialReason(
  action: RoundAction,
  role: Role,
  round: RoundFacts,
): DenialReason {
  switch (action) {
    case 'vote':
      if (round.state === 'closed') return 'round_closed';
      if (role === 'viewer') return 'read_only_role';
      return 'not_delegation';
    case 'viewResults':
      return 'results_hidden';
    case 'close':
      return round.state === 'closed' ? 'round_closed' : 'not_round_owner';
    case 'reopen':
      return role === 'admin' ? 'round_open' : 'admin_only';
    case 'comment':
      return round.state === 'closed' ? 'round_closed' : 'read_only_role';
    default:
      return 'admin_only';
  }
}

/**
 * Why `meetingAbilities` refuses an action on a meeting, the most fundamental first: a person
 * whose organization does not take part sees nothing; a viewer writes nothing; then who holds
 * the action (chair, officers, deputies); what remains is the meeting's stage.
 */
export function meetingDenialReason(
  action: MeetingAction,
  role: Role,
  meeting: MeetingFacts,
  holds: boolean,
): DenialReason {
  if (role !== 'admin' && !meeting.participates) return 'not_participant';
  if (action === 'read') return 'not_participant';
  if (role === 'viewer') return 'read_only_role';
  if (holds) return 'meeting_stage';
  switch (action) {
    case 'edit':
    case 'cancel':
      return 'not_coordinator';
    case 'nameRoles':
    case 'chairRoom':
    case 'publish':
      return 'not_chair';
    case 'takeChair':
      return meeting.isChair ? 'meeting_stage' : 'not_deputy';
    case 'editMinutes':
    case 'record':
    case 'addAddendum':
      return 'not_meeting_officer';
    default:
      return 'meeting_stage';
  }
}

/**
 * Why `commitmentAbilities` refuses an action on a commitment record, the most fundamental
 * first: no relation to its program, a viewer, an observer organization; then whose it is.
 * `relation` is the effective one, or `lead` for a strategy-wide record (no program to stand on).
 */
export function commitmentDenialReason(action: CommitmentAction, facts: DenialFacts): DenialReason {
  if (facts.relation === null) return 'no_relation';
  if (facts.role === 'viewer') return 'read_only_role';
  if (action === 'confirm') return 'not_receiving_organization';
  if (facts.relation === 'observer') return 'observer_relation';
  return 'not_own_organization';
}
