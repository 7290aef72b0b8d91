import { describe, expect, it } from 'vitest';
import {
  programAbilities as abilitiesWithReasons,
  actionItemAbilities,
  commitmentAbilities,
  meetingAbilities,
  roundAbilities,
  workspaceAbilities,
  type CommitmentFacts,
  type MeetingFacts,
  type RoundFacts,
  type ActorFacts,
  type ProgramFacts,
  type ProgramAbilityFlags,
} from './permissions.js';

// The table's yes/no part; the reasons for each "no" have their own tests (denials.test.ts).
const programAbilities = (actor: ActorFacts, program: ProgramFacts): ProgramAbilityFlags => {
  const { denied: _reasons, ...flags } = abilitiesWithReasons(actor, program);
  return flags;
};

const member = (kind: ActorFacts['organizationKind'] = 'partner_nation'): ActorFacts => ({
  role: 'member',
  organizationKind: kind,
});
const on = (relation: ProgramFacts['relation'], isCoordinator = false): ProgramFacts => ({
  relation,
  isCoordinator,
});
const only = (...keys: (keyof ProgramAbilityFlags)[]) =>
  Object.fromEntries(
    (
      [
        'read',
        'editPlan',
        'comment',
        'moderateComments',
        'endorse',
        'recordCommitment',
        'manageCommitments',
        'chair',
        'editDetails',
        'invite',
        'administer',
      ] as const
    ).map((k) => [k, keys.includes(k)]),
  );

describe('programAbilities (DESIGN.md "Who may do what")', () => {
  it('lets an admin do everything on any program', () => {
    expect(
      programAbilities({ role: 'admin', organizationKind: 'sica_secretariat' }, on(null)),
    ).toEqual(
      only(
        'read',
        'editPlan',
        'comment',
        'moderateComments',
        'endorse',
        'recordCommitment',
        'manageCommitments',
        'chair',
        'editDetails',
        'invite',
        'administer',
      ),
    );
  });
  it('gives a coordinator of a lead organization member rights plus details, invitations and the chair', () => {
    expect(programAbilities(member(), on('lead', true))).toEqual(
      only(
        'read',
        'editPlan',
        'comment',
        'moderateComments',
        'endorse',
        'recordCommitment',
        'manageCommitments',
        'chair',
        'editDetails',
        'invite',
      ),
    );
  });
  it('lets a partner member edit the plan, comment, endorse and record commitments', () => {
    expect(programAbilities(member(), on('partner'))).toEqual(
      only('read', 'editPlan', 'comment', 'endorse', 'recordCommitment'),
    );
  });
  it('lets an observer member read and comment only', () => {
    expect(programAbilities(member(), on('observer'))).toEqual(only('read', 'comment'));
  });
  it('gives a coordinator of an observer organization no coordinator rights', () => {
    expect(programAbilities(member(), on('observer', true))).toEqual(only('read', 'comment'));
  });
  it('lets a viewer only read, whatever the relation', () => {
    for (const r of ['lead', 'partner', 'observer'] as const) {
      expect(programAbilities({ role: 'viewer', organizationKind: 'multilateral' }, on(r))).toEqual(
        only('read'),
      );
    }
  });
  it('gives a person of an organization without relation nothing inside the program', () => {
    expect(programAbilities(member(), on(null))).toEqual(only());
  });
  it('treats the SICA Secretariat as lead on every program', () => {
    expect(programAbilities(member('sica_secretariat'), on(null))).toEqual(
      only('read', 'editPlan', 'comment', 'endorse', 'recordCommitment'),
    );
  });
});

describe('workspaceAbilities', () => {
  it('lets admins and program coordinators invite, and nobody else', () => {
    expect(workspaceAbilities({ role: 'admin', organizationKind: 'partner_nation' }).invite).toBe(
      true,
    );
    expect(workspaceAbilities(member(), { coordinatesProgram: true }).invite).toBe(true);
    expect(workspaceAbilities(member(), { coordinatesProgram: false }).invite).toBe(false);
    const viewer: ActorFacts = { role: 'viewer', organizationKind: 'partner_nation' };
    expect(workspaceAbilities(viewer, { coordinatesProgram: true }).invite).toBe(false);
  });
});

describe('roundAbilities', () => {
  const round = (over: Partial<RoundFacts> = {}): RoundFacts => ({
    state: 'open',
    resultsVisibility: 'after_close',
    isOwner: false,
    standing: 'delegation',
    ...over,
  });
  const admin: ActorFacts = { role: 'admin', organizationKind: 'sica_secretariat' };
  const viewer: ActorFacts = { role: 'viewer', organizationKind: 'partner_nation' };

  it('lets a delegation member vote while open, never an observer, a viewer or after closing', () => {
    expect(roundAbilities(member(), round()).vote).toBe(true);
    expect(roundAbilities(member(), round({ standing: 'observer' })).denied.vote).toBe(
      'not_delegation',
    );
    expect(roundAbilities(viewer, round()).denied.vote).toBe('read_only_role');
    expect(roundAbilities(member(), round({ state: 'closed' })).denied.vote).toBe('round_closed');
  });

  it('shows results while open only when the round says so, and to everyone once closed', () => {
    expect(roundAbilities(member(), round()).denied.viewResults).toBe('results_hidden');
    expect(roundAbilities(viewer, round({ resultsVisibility: 'while_open' })).viewResults).toBe(
      true,
    );
    expect(roundAbilities(viewer, round({ state: 'closed' })).viewResults).toBe(true);
  });

  it('lets the owner close early and any admin reopen a closed round', () => {
    expect(roundAbilities(admin, round({ isOwner: true })).close).toBe(true);
    expect(roundAbilities(admin, round()).denied.close).toBe('not_round_owner');
    expect(roundAbilities(admin, round({ state: 'closed' })).reopen).toBe(true);
    expect(roundAbilities(member(), round({ state: 'closed' })).denied.reopen).toBe('admin_only');
  });
});

describe('meetingAbilities (DESIGN.md, meetings table)', () => {
  const member: ActorFacts = { role: 'member', organizationKind: 'partner_nation' };
  const viewer: ActorFacts = { role: 'viewer', organizationKind: 'partner_nation' };
  const admin: ActorFacts = { role: 'admin', organizationKind: 'partner_nation' };
  const base: MeetingFacts = {
    state: 'live',
    participates: true,
    isChair: false,
    isCoChair: false,
    isRapporteur: false,
    coordinatesProgram: false,
    amendmentOpen: false,
  };

  it('shows a meeting to participating people and admins only', () => {
    expect(meetingAbilities(member, base).read).toBe(true);
    expect(meetingAbilities(viewer, base).read).toBe(true);
    expect(meetingAbilities(admin, { ...base, participates: false }).read).toBe(true);
    const outsider = meetingAbilities(member, { ...base, participates: false });
    expect(outsider.read).toBe(false);
    expect(outsider.denied.read).toBe('not_participant');
    expect(outsider.requestFloor).toBe(false);
  });

  it('lets members ask for the floor while live, never viewers', () => {
    expect(meetingAbilities(member, base).requestFloor).toBe(true);
    expect(meetingAbilities(viewer, base).requestFloor).toBe(false);
    expect(meetingAbilities(viewer, base).denied.requestFloor).toBe('read_only_role');
    const scheduled = meetingAbilities(member, { ...base, state: 'scheduled' });
    expect(scheduled.requestFloor).toBe(false);
    expect(scheduled.denied.requestFloor).toBe('meeting_stage');
  });

  it('gives the room to the chair and the minutes to chair, co-chairs and rapporteurs', () => {
    const chair = meetingAbilities(member, { ...base, isChair: true });
    expect(chair.chairRoom && chair.editMinutes && chair.record && chair.nameRoles).toBe(true);
    const rapporteur = meetingAbilities(member, { ...base, isRapporteur: true });
    expect(rapporteur.editMinutes && rapporteur.record).toBe(true);
    expect(rapporteur.chairRoom).toBe(false);
    expect(rapporteur.denied.chairRoom).toBe('not_chair');
    const delegate = meetingAbilities(member, base);
    expect(delegate.editMinutes).toBe(false);
    expect(delegate.denied.editMinutes).toBe('not_meeting_officer');
  });

  it('lets co-chairs, coordinators of its programs and admins take the chair, not other members', () => {
    expect(meetingAbilities(member, { ...base, isCoChair: true }).takeChair).toBe(true);
    expect(meetingAbilities(member, { ...base, coordinatesProgram: true }).takeChair).toBe(true);
    expect(meetingAbilities(admin, base).takeChair).toBe(true);
    expect(meetingAbilities(member, base).denied.takeChair).toBe('not_deputy');
    expect(meetingAbilities(viewer, { ...base, isCoChair: true }).takeChair).toBe(false);
  });

  it('freezes a published record: no minutes, records or room; addenda only', () => {
    const officer = meetingAbilities(member, { ...base, state: 'published', isRapporteur: true });
    expect(officer.editMinutes || officer.record || officer.commentMinutes).toBe(false);
    expect(officer.denied.editMinutes).toBe('meeting_stage');
    expect(officer.addAddendum).toBe(true);
  });

  it('opens comments on the minutes while live and during the amendment window only', () => {
    expect(meetingAbilities(member, base).commentMinutes).toBe(true);
    expect(
      meetingAbilities(member, { ...base, state: 'ended', amendmentOpen: true }).commentMinutes,
    ).toBe(true);
    expect(meetingAbilities(member, { ...base, state: 'ended' }).commentMinutes).toBe(false);
    expect(
      meetingAbilities(viewer, { ...base, state: 'ended', amendmentOpen: true }).commentMinutes,
    ).toBe(false);
  });
});

describe('actionItemAbilities', () => {
  const member: ActorFacts = { role: 'member', organizationKind: 'partner_nation' };
  const viewer: ActorFacts = { role: 'viewer', organizationKind: 'partner_nation' };
  const facts = (over: Partial<MeetingFacts> = {}) => {
    const abilities = meetingAbilities(member, {
      state: 'published',
      participates: true,
      isChair: false,
      isCoChair: false,
      isRapporteur: false,
      coordinatesProgram: false,
      amendmentOpen: false,
      ...over,
    });
    return { ...abilities, isChair: over.isChair ?? false };
  };

  it('lets the owner organization update the status after publishing, never its viewers', () => {
    const item = { meeting: facts(), isOwner: false, inOwnerOrganization: true };
    expect(actionItemAbilities(member, item).updateStatus).toBe(true);
    expect(actionItemAbilities(viewer, item).updateStatus).toBe(false);
    expect(actionItemAbilities(member, { ...item, inOwnerOrganization: false }).updateStatus).toBe(
      false,
    );
    expect(
      actionItemAbilities(member, {
        meeting: facts({ isChair: true }),
        isOwner: false,
        inOwnerOrganization: false,
      }).updateStatus,
    ).toBe(true);
  });
});

describe('commitment records', () => {
  const admin: ActorFacts = { role: 'admin', organizationKind: 'partner_nation' };
  const viewer: ActorFacts = { role: 'viewer', organizationKind: 'partner_nation' };
  const own = { donorIsOwn: true, receiverIsOwn: false };
  const other = { donorIsOwn: false, receiverIsOwn: false };
  const flags = (actor: ActorFacts, facts: CommitmentFacts) => {
    const { denied: _reasons, ...rest } = commitmentAbilities(actor, facts);
    return rest;
  };

  it('lets lead and partner members keep their own organization’s records on the program', () => {
    for (const relation of ['lead', 'partner'] as const) {
      expect(flags(member(), { program: on(relation), ...own })).toEqual({
        read: true,
        edit: true,
        confirm: false,
      });
      const denied = commitmentAbilities(member(), { program: on(relation), ...other }).denied;
      expect(denied.edit).toBe('not_own_organization');
    }
  });

  it('lets the program’s coordinators and admins keep any organization’s records', () => {
    expect(flags(member(), { program: on('lead', true), ...other }).edit).toBe(true);
    expect(flags(admin, { program: on(null), ...other }).edit).toBe(true);
    expect(flags(admin, { program: null, ...other }).edit).toBe(true);
  });

  it('lets observers and viewers read only, and people off the program nothing', () => {
    expect(flags(member(), { program: on('observer'), ...own })).toEqual({
      read: true,
      edit: false,
      confirm: false,
    });
    expect(commitmentAbilities(member(), { program: on('observer'), ...own }).denied.edit).toBe(
      'observer_relation',
    );
    expect(commitmentAbilities(viewer, { program: on('lead'), ...own }).denied.edit).toBe(
      'read_only_role',
    );
    const outsider = commitmentAbilities(member(), { program: on(null), ...own });
    expect(outsider.read).toBe(false);
    expect(outsider.denied.read).toBe('no_relation');
  });

  it('shows strategy-wide records to everyone and lets the donor’s members keep them', () => {
    expect(flags(member(), { program: null, ...own })).toEqual({
      read: true,
      edit: true,
      confirm: false,
    });
    expect(flags(member(), { program: null, ...other }).edit).toBe(false);
    expect(flags(viewer, { program: null, ...own }).edit).toBe(false);
  });

  it('lets the receiving organization’s members and admins confirm, never viewers', () => {
    const receiver = { donorIsOwn: false, receiverIsOwn: true };
    expect(flags(member(), { program: on('partner'), ...receiver }).confirm).toBe(true);
    expect(flags(member(), { program: null, ...receiver }).confirm).toBe(true);
    expect(flags(viewer, { program: on('partner'), ...receiver }).confirm).toBe(false);
    expect(flags(admin, { program: on(null), ...other }).confirm).toBe(true);
    expect(commitmentAbilities(member(), { program: on('lead'), ...own }).denied.confirm).toBe(
      'not_receiving_organization',
    );
  });

  it('lets members record at all and only admins manage rates', () => {
    expect(workspaceAbilities(member()).recordCommitment).toBe(true);
    expect(workspaceAbilities(viewer).recordCommitment).toBe(false);
    expect(workspaceAbilities(member()).manageExchangeRates).toBe(false);
    expect(workspaceAbilities(admin).manageExchangeRates).toBe(true);
    expect(workspaceAbilities(admin).manageCommitments).toBe(true);
    expect(workspaceAbilities(member()).manageCommitments).toBe(false);
    expect(workspaceAbilities(viewer).importIati).toBe(false);
  });
});
