import {
  ProgramActionSchema,
  type Component,
  type Organization,
  type Program,
  type ProgramAbilities,
  type ProgramAbilityFlags,
} from '@mesa/shared';
import type { Me } from '../lib/accountApi';

/** A component; override any field. */
export function makeComponent(overrides: Partial<Component> = {}): Component {
  return {
    id: 'A',
    titleEn: 'Combating crime',
    titleEs: 'Combate al delito',
    position: 1,
    ...overrides,
  };
}

/** The four components in order, with their real titles. */
export function makeComponents(): Component[] {
  return [
    makeComponent(),
    makeComponent({
      id: 'B',
      titleEn: 'Violence prevention',
      titleEs: 'Prevención de la violencia',
      position: 2,
    }),
    makeComponent({ id: 'C', titleEn: 'Rehabilitation', titleEs: 'Rehabilitación', position: 3 }),
    makeComponent({
      id: 'D',
      titleEn: 'Institutional strengthening',
      titleEs: 'Fortalecimiento institucional',
      position: 4,
    }),
  ];
}

/**
 * The abilities of a reader who may do nothing else (a viewer: every refusal is explained by the
 * read-only role unless `denied` says otherwise); override any ability.
 */
export function makeAbilities(overrides: Partial<ProgramAbilities> = {}): ProgramAbilities {
  const flags: ProgramAbilityFlags = {
    read: true,
    editPlan: false,
    comment: false,
    moderateComments: false,
    endorse: false,
    recordCommitment: false,
    manageCommitments: false,
    chair: false,
    editDetails: false,
    invite: false,
    administer: false,
    ...overrides,
  };
  const denied: ProgramAbilities['denied'] = {};
  for (const action of ProgramActionSchema.options) {
    if (!flags[action]) denied[action] = overrides.denied?.[action] ?? 'read_only_role';
  }
  return { ...flags, denied };
}

/** A documented, non-priority program with every optional fact unrecorded; override any field. */
export function makeProgram(overrides: Partial<Program> = {}): Program {
  return {
    id: 'p-ba1',
    code: 'BA1',
    titleEn: 'Prevention of violence against women',
    titleEs: 'Prevención de la violencia contra las mujeres',
    componentId: 'B',
    priority: false,
    priorityConfidence: 'not_documented',
    confidence: 'documented',
    status: null,
    leadOrganizationIds: [],
    countries: [],
    estimatedCost: null,
    abilities: makeAbilities(),
    ...overrides,
  };
}

/** An organization; override any field. */
export function makeOrganization(overrides: Partial<Organization> = {}): Organization {
  return {
    id: 'org-sgsica',
    name: { en: 'SICA General Secretariat', es: 'Secretaría General del SICA' },
    shortName: { en: 'SG-SICA', es: 'SG-SICA' },
    kind: 'sica_secretariat',
    countryCode: null,
    iatiIdentifier: null,
    ...overrides,
  };
}

/** The signed-in person as `/api/me` returns them: a member with no workspace powers. */
export function makeMe(
  overrides: { user?: Partial<Me['user']>; abilities?: Partial<Me['abilities']> } = {},
): Me {
  return {
    user: {
      id: 'u-ana',
      email: 'ana@example.org',
      name: 'Ana Morales',
      role: 'member',
      organizationId: 'org-sgsica',
      locale: 'en',
      timeZone: 'America/Guatemala',
      ...overrides.user,
    },
    abilities: {
      readPortfolio: true,
      createProgram: false,
      administer: false,
      invite: false,
      openRound: false,
      createMeeting: false,
      recordCommitment: true,
      manageCommitments: false,
      manageExchangeRates: false,
      importIati: true,
      ...overrides.abilities,
    },
  };
}

/** The reply of an API route when no one is signed in. */
export const unauthenticated = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'Sign in to continue.' } },
};
