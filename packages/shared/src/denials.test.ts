import { describe, expect, it } from 'vitest';
import {
  ProgramActionSchema,
  Relations,
  Roles,
  programAbilities,
  type ActorFacts,
  type ProgramFacts,
} from './permissions.js';
import type { OrganizationKind } from './schemas/organization.js';

const person = (role: ActorFacts['role'], kind: OrganizationKind = 'partner_nation') => ({
  role,
  organizationKind: kind,
});
const on = (relation: ProgramFacts['relation'], isCoordinator = false): ProgramFacts => ({
  relation,
  isCoordinator,
});
const deniedTo = (actor: ActorFacts, program: ProgramFacts) =>
  programAbilities(actor, program).denied;

describe('programAbilities().denied (why each refused action is refused)', () => {
  it('refuses an admin nothing, so there is nothing to explain', () => {
    expect(deniedTo(person('admin'), on(null))).toEqual({});
  });

  it("explains a partner organization's viewer's refusals by the read-only role, not the relation", () => {
    const denied = deniedTo(person('viewer'), on('partner'));
    expect(denied.read).toBeUndefined();
    expect(denied.editPlan).toBe('read_only_role');
    expect(denied.comment).toBe('read_only_role');
    expect(denied.endorse).toBe('read_only_role');
    expect(denied.recordCommitment).toBe('read_only_role');
  });

  it("explains a lead organization's viewer's refusal to edit by the role too", () => {
    expect(deniedTo(person('viewer'), on('lead')).editPlan).toBe('read_only_role');
  });

  it("explains an observer organization's member's refusal to edit by the observer relation", () => {
    const denied = deniedTo(person('member'), on('observer'));
    expect(denied.comment).toBeUndefined();
    expect(denied.editPlan).toBe('observer_relation');
    expect(denied.endorse).toBe('observer_relation');
    expect(denied.recordCommitment).toBe('observer_relation');
  });

  it('explains why a coordinator of an observer organization may not edit the details: the relation', () => {
    expect(deniedTo(person('member'), on('observer', true)).editDetails).toBe('observer_relation');
  });

  it('explains every refusal to a person of an organization without relation by that', () => {
    for (const role of ['member', 'viewer'] as const) {
      const denied = deniedTo(person(role), on(null));
      const { administer, ...rest } = denied;
      expect(administer).toBe('admin_only');
      expect(new Set(Object.values(rest))).toEqual(new Set(['no_relation']));
      expect(denied.read).toBe('no_relation');
    }
  });

  it("keeps the details, invitations, the chair and comment moderation for coordinators, which a partner's member is told", () => {
    const denied = deniedTo(person('member'), on('partner'));
    expect(denied).toEqual({
      moderateComments: 'not_coordinator',
      manageCommitments: 'not_coordinator',
      chair: 'not_coordinator',
      editDetails: 'not_coordinator',
      invite: 'not_coordinator',
      administer: 'admin_only',
    });
  });

  it('counts the SICA Secretariat as lead: its members are refused only coordination', () => {
    expect(deniedTo(person('member', 'sica_secretariat'), on(null)).editPlan).toBeUndefined();
    expect(deniedTo(person('member', 'sica_secretariat'), on(null)).editDetails).toBe(
      'not_coordinator',
    );
  });

  describe('over every combination of role, organization kind, relation and coordinator', () => {
    const cases = Roles.flatMap((role) =>
      (['partner_nation', 'sica_secretariat'] as const).flatMap((kind) =>
        [...Relations, null].flatMap((relation) =>
          [false, true].map((isCoordinator) => ({
            actor: person(role, kind),
            program: on(relation, isCoordinator),
          })),
        ),
      ),
    );

    it('gives a reason for exactly the refused actions', () => {
      for (const { actor, program } of cases) {
        const abilities = programAbilities(actor, program);
        const refused = ProgramActionSchema.options.filter((action) => !abilities[action]);
        expect(Object.keys(abilities.denied).sort(), JSON.stringify({ actor, program })).toEqual(
          refused.sort(),
        );
      }
    });

    it('refuses reading only for lack of a relation, so a 403 on a program means just that', () => {
      for (const { actor, program } of cases) {
        const reason = programAbilities(actor, program).denied.read;
        if (reason !== undefined) expect(reason).toBe('no_relation');
      }
    });
  });
});
