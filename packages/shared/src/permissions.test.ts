import { describe, expect, it } from 'vitest';
import {
  programAbilities as abilitiesWithReasons,
  roundAbilities,
  workspaceAbilities,
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
