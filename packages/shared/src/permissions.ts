import { z } from 'zod';
import type { OrganizationKind } from './schemas/organization.js';
import {
  DenialReasonSchema,
  commitmentDenialReason,
  denialReason,
  meetingDenialReason,
  roundDenialReason,
} from './denials.js';
import {
  MeetingActionSchema,
  type ActionItemAbilities,
  type MeetingAbilities,
  type MeetingAbilityFlags,
  type MeetingState,
} from './schemas/meeting.js';
import {
  CommitmentActionSchema,
  type CommitmentAbilities,
  type CommitmentAbilityFlags,
} from './schemas/funding.js';
import {
  RoundActionSchema,
  type ResultsVisibility,
  type RoundAbilities,
  type RoundAbilityFlags,
  type RoundState,
} from './schemas/priorities.js';

/** A person's role in the workspace. */
export const Roles = ['admin', 'member', 'viewer'] as const;
/** Role schema. */
export const RoleSchema = z.enum(Roles);
/** A role. */
export type Role = z.infer<typeof RoleSchema>;

/** An organization's relation to a program. */
export const Relations = ['lead', 'partner', 'observer'] as const;
/** Relation schema. */
export const RelationSchema = z.enum(Relations);
/** A relation. */
export type Relation = z.infer<typeof RelationSchema>;

/** What the rules need to know about the person acting. */
export interface ActorFacts {
  /** Workspace role. */
  role: Role;
  /** Kind of the person's organization (the SICA Secretariat is lead on every program). */
  organizationKind: OrganizationKind;
}

/** What the rules need to know about the person's standing on one program. */
export interface ProgramFacts {
  /** Their organization's relation to the program, or null for none. */
  relation: Relation | null;
  /** Whether they are named coordinator of the program. */
  isCoordinator: boolean;
}

/** Whether a person may do each action on one program. */
export const ProgramAbilityFlagsSchema = z.object({
  /** Open the program, its plan and discussions. */
  read: z.boolean(),
  /** Type in the program's plan. */
  editPlan: z.boolean(),
  /** Comment on the program and its priorities. */
  comment: z.boolean(),
  /** Resolve or reopen anyone's comment threads on the program (coordinators and admins). */
  moderateComments: z.boolean(),
  /** Endorse and rank priorities for their organization. */
  endorse: z.boolean(),
  /** Record their organization's commitments. */
  recordCommitment: z.boolean(),
  /** Keep any organization's commitment records on the program (its coordinators, admins). */
  manageCommitments: z.boolean(),
  /** Chair the program's meetings. */
  chair: z.boolean(),
  /** Edit the program's details (code, titles, component, status, lead, countries, cost). */
  editDetails: z.boolean(),
  /** Invite members or viewers of organizations on the program. */
  invite: z.boolean(),
  /** Manage the program's organizations and coordinators (admins). */
  administer: z.boolean(),
});
/** Whether a person may do each action on one program. */
export type ProgramAbilityFlags = z.infer<typeof ProgramAbilityFlagsSchema>;

/** An action on one program (a key of the ability flags). */
export const ProgramActionSchema = ProgramAbilityFlagsSchema.keyof();
/** An action on one program. */
export type ProgramAction = z.infer<typeof ProgramActionSchema>;

/** Everything a person may do on one program, and why not; replies carry it as `abilities`. */
export const ProgramAbilitiesSchema = ProgramAbilityFlagsSchema.extend({
  /** For each refused action, and only those, why the policy refuses it. */
  denied: z.partialRecord(ProgramActionSchema, DenialReasonSchema),
});
/** Abilities on one program. */
export type ProgramAbilities = z.infer<typeof ProgramAbilitiesSchema>;

/** Workspace-wide abilities, carried by `/api/me`. */
export const WorkspaceAbilitiesSchema = z.object({
  /** See the portfolio (codes, titles, components, priority, status). */
  readPortfolio: z.boolean(),
  /** Create programs. */
  createProgram: z.boolean(),
  /** Manage organizations, people, roles and program access. */
  administer: z.boolean(),
  /** Invite people: admins anyone, coordinators members or viewers of their programs' organizations. */
  invite: z.boolean(),
  /** Open a priority round (admins). */
  openRound: z.boolean(),
  /** Create a meeting (admins; coordinators for their programs' meetings). */
  createMeeting: z.boolean(),
  /** Record commitments at all: for their own organization (members), for anyone (admins). */
  recordCommitment: z.boolean(),
  /** Keep any organization's strategy-wide commitment records (admins). */
  manageCommitments: z.boolean(),
  /** Add and correct exchange rates (admins). */
  manageExchangeRates: z.boolean(),
  /** Upload an IATI file: admins any transactions, members their organization's only. */
  importIati: z.boolean(),
});
/** Workspace abilities. */
export type WorkspaceAbilities = z.infer<typeof WorkspaceAbilitiesSchema>;

/** The relation that counts: the SICA Secretariat is treated as lead on every program. */
export function effectiveRelation(actor: ActorFacts, program: ProgramFacts): Relation | null {
  if (actor.organizationKind === 'sica_secretariat') return 'lead';
  return program.relation;
}

/** The table "Who may do what" of DESIGN.md, for one person and one program, with reasons. */
export function programAbilities(actor: ActorFacts, program: ProgramFacts): ProgramAbilities {
  const flags = programAbilityFlags(actor, program);
  const facts = { role: actor.role, relation: effectiveRelation(actor, program) };
  const denied: ProgramAbilities['denied'] = {};
  for (const action of ProgramActionSchema.options) {
    if (!flags[action]) denied[action] = denialReason(action, facts);
  }
  return { ...flags, denied };
}

function programAbilityFlags(actor: ActorFacts, program: ProgramFacts): ProgramAbilityFlags {
  const relation = effectiveRelation(actor, program);
  const admin = actor.role === 'admin';
  const onProgram = relation !== null;
  const contributor = actor.role === 'member' && (relation === 'lead' || relation === 'partner');
  const coordinator = contributor && program.isCoordinator;
  return {
    read: admin || onProgram,
    editPlan: admin || contributor,
    comment: admin || (actor.role === 'member' && onProgram),
    moderateComments: admin || coordinator,
    endorse: admin || contributor,
    recordCommitment: admin || contributor,
    manageCommitments: admin || coordinator,
    chair: admin || coordinator,
    editDetails: admin || coordinator,
    invite: admin || coordinator,
    administer: admin,
  };
}

/** What the workspace rules need beyond the actor: whether they coordinate a program. */
export interface WorkspaceFacts {
  /** Named coordinator of at least one program their organization leads or partners on. */
  coordinatesProgram: boolean;
}

/** Workspace-wide abilities of a person. */
export function workspaceAbilities(
  actor: ActorFacts,
  facts: WorkspaceFacts = { coordinatesProgram: false },
): WorkspaceAbilities {
  const admin = actor.role === 'admin';
  const inviter = invitableRoles(actor, facts.coordinatesProgram).length > 0;
  return {
    readPortfolio: true,
    createProgram: admin,
    administer: admin,
    invite: inviter,
    openRound: admin,
    createMeeting: admin || (actor.role === 'member' && facts.coordinatesProgram),
    recordCommitment: admin || actor.role === 'member',
    manageCommitments: admin,
    manageExchangeRates: admin,
    importIati: admin || actor.role === 'member',
  };
}

/** Roles a person may give in an invitation: admins any, coordinators member or viewer. */
export function invitableRoles(actor: ActorFacts, isCoordinatorSomewhere: boolean): Role[] {
  if (actor.role === 'admin') return [...Roles];
  if (actor.role === 'member' && isCoordinatorSomewhere) return ['member', 'viewer'];
  return [];
}

/**
 * What the rules need to know about a priority round and the person's organization. A
 * delegation is an organization with a lead or partner relation to at least one program (the
 * SICA Secretariat, lead everywhere, is one); an organization that only observes is `observer`.
 */
export interface RoundFacts {
  /** Open or closed. */
  state: RoundState;
  /** When the board and ballots are visible. */
  resultsVisibility: ResultsVisibility;
  /** Whether the person opened the round (its owner). */
  isOwner: boolean;
  /** The person's organization: a delegation, an observer only, or neither. */
  standing: 'delegation' | 'observer' | 'none';
}

/**
 * Abilities on a priority round. Everyone signed in sees it; a delegation's members (and
 * admins of a delegation) edit its one ballot while the round is open — observers and viewers
 * never; the board and all ballots are visible while open only if the round says so, and to
 * everyone once closed; the owner closes early; any admin reopens; everyone but viewers
 * comments on the programs' lines while the round is open (a closed round is the record).
 */
export function roundAbilities(actor: ActorFacts, round: RoundFacts): RoundAbilities {
  const open = round.state === 'open';
  const flags: RoundAbilityFlags = {
    read: true,
    vote: open && round.standing === 'delegation' && actor.role !== 'viewer',
    viewResults: !open || round.resultsVisibility === 'while_open',
    close: open && round.isOwner && actor.role === 'admin',
    reopen: !open && actor.role === 'admin',
    comment: open && actor.role !== 'viewer',
  };
  const denied: RoundAbilities['denied'] = {};
  for (const action of RoundActionSchema.options) {
    if (!flags[action]) denied[action] = roundDenialReason(action, actor.role, round);
  }
  return { ...flags, denied };
}

/** What the rules need to know about a meeting and the person's place in it. */
export interface MeetingFacts {
  state: MeetingState;
  /** Whether the person's organization participates. */
  participates: boolean;
  /** Whether the person is the chair now. */
  isChair: boolean;
  isCoChair: boolean;
  isRapporteur: boolean;
  /** Coordinator of one of the meeting's programs. */
  coordinatesProgram: boolean;
  /** Ended, and the amendment window still open. */
  amendmentOpen: boolean;
}

/**
 * The meetings table of DESIGN.md for one person and one meeting, with reasons. Participating
 * people (viewers read-only) and admins see it; the chair runs the room; chair, co-chairs and
 * rapporteurs keep the minutes and record; role `member` participants and admins ask for the
 * floor and comment on the minutes; co-chairs, coordinators of its programs and admins take
 * over the chair. A published record is frozen: only addenda are added to it.
 */
export function meetingAbilities(actor: ActorFacts, meeting: MeetingFacts): MeetingAbilities {
  const admin = actor.role === 'admin';
  const writer = actor.role !== 'viewer' && (admin || meeting.participates);
  const officer = writer && (meeting.isChair || meeting.isCoChair || meeting.isRapporteur);
  const chair = writer && meeting.isChair;
  const { state } = meeting;
  const running = state === 'scheduled' || state === 'live';
  const minutesOpen = state === 'live' || state === 'ended';
  // Who holds each action, whatever the meeting's stage.
  const holds: MeetingAbilityFlags = {
    read: admin || meeting.participates,
    edit: writer && (admin || meeting.isChair || meeting.coordinatesProgram),
    cancel: writer && (admin || meeting.isChair || meeting.coordinatesProgram),
    nameRoles: writer && (admin || meeting.isChair),
    chairRoom: chair,
    takeChair:
      writer && !meeting.isChair && (admin || meeting.isCoChair || meeting.coordinatesProgram),
    requestFloor: writer && (admin || actor.role === 'member'),
    editMinutes: officer,
    record: officer,
    commentMinutes: writer && (admin || actor.role === 'member'),
    publish: writer && (admin || meeting.isChair),
    addAddendum: writer && (admin || officer),
  };
  // And when.
  const when: MeetingAbilityFlags = {
    read: true,
    edit: running,
    cancel: state === 'scheduled',
    nameRoles: running || state === 'ended',
    chairRoom: running,
    takeChair: running || state === 'ended',
    requestFloor: state === 'live',
    editMinutes: minutesOpen,
    record: minutesOpen,
    commentMinutes: state === 'live' || (state === 'ended' && meeting.amendmentOpen),
    publish: state === 'ended',
    addAddendum: state === 'published',
  };
  const flags = {} as MeetingAbilityFlags;
  const denied: MeetingAbilities['denied'] = {};
  for (const action of MeetingActionSchema.options) {
    flags[action] = holds[action] && when[action];
    if (!flags[action])
      denied[action] = meetingDenialReason(action, actor.role, meeting, holds[action]);
  }
  return { ...flags, denied };
}

/** What the rules need to know about an action item and the person. */
export interface ActionItemFacts {
  /** The person's abilities on the item's meeting. */
  meeting: MeetingAbilityFlags & { isChair: boolean };
  /** Whether the person is the item's owner. */
  isOwner: boolean;
  /** Whether the person belongs to the owner organization. */
  inOwnerOrganization: boolean;
}

/**
 * Abilities on an action item: its owner, its owner organization's people, the chair and
 * admins change its status (never viewers) — after publishing too, since it outlives the
 * meeting; its text, owner and due date are the officers' until the record is published.
 */
export function actionItemAbilities(actor: ActorFacts, item: ActionItemFacts): ActionItemAbilities {
  const admin = actor.role === 'admin';
  const writer = actor.role !== 'viewer' && item.meeting.read;
  return {
    updateStatus:
      writer && (admin || item.isOwner || item.inOwnerOrganization || item.meeting.isChair),
    edit: admin || item.meeting.record,
  };
}

/**
 * What the rules need to know about a commitment record (or one about to be recorded) and the
 * person: the program's standing (null for a strategy-wide record) and whether the person's
 * organization is the donor or the receiver.
 */
export interface CommitmentFacts {
  /** The person's standing on the record's program; null when the record is strategy-wide. */
  program: ProgramFacts | null;
  /** The person's organization provides the support (the record's donor). */
  donorIsOwn: boolean;
  /** The person's organization is the record's receiving organization. */
  receiverIsOwn: boolean;
}

/**
 * Abilities on a commitment record (DESIGN.md, "Commitments"). Program records are read by the
 * program's readers, strategy-wide ones by everyone signed in. Members of a lead or partner
 * organization keep their own organization's records on the program; its coordinators and
 * admins keep any; a strategy-wide record is kept by its donor's members and admins. Members
 * of the receiving organization and admins confirm transactions. Viewers never write.
 */
export function commitmentAbilities(
  actor: ActorFacts,
  record: CommitmentFacts,
): CommitmentAbilities {
  const admin = actor.role === 'admin';
  const member = actor.role === 'member';
  const onProgram = record.program ? programAbilities(actor, record.program) : null;
  const read = onProgram ? onProgram.read : true;
  const relation = record.program ? effectiveRelation(actor, record.program) : null;
  const contributor = member && (relation === 'lead' || relation === 'partner');
  const keeps = record.program
    ? (contributor && record.donorIsOwn) || (onProgram?.manageCommitments ?? false)
    : (member && record.donorIsOwn) || workspaceAbilities(actor).manageCommitments;
  const flags: CommitmentAbilityFlags = {
    read,
    edit: keeps,
    confirm: admin || (member && read && record.receiverIsOwn),
  };
  const denied: CommitmentAbilities['denied'] = {};
  for (const action of CommitmentActionSchema.options) {
    if (!flags[action]) {
      denied[action] = commitmentDenialReason(action, {
        role: actor.role,
        relation: record.program ? relation : 'lead',
      });
    }
  }
  return { ...flags, denied };
}
