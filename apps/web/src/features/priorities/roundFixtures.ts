import type { Ballot, Round, RoundAbilities } from '@mesa/shared';

/** A delegation member's abilities on an open round whose results are hidden (tests). */
export function makeRoundAbilities(overrides: Partial<RoundAbilities> = {}): RoundAbilities {
  return {
    read: true,
    vote: true,
    viewResults: false,
    close: false,
    reopen: false,
    comment: true,
    denied: { viewResults: 'results_hidden' },
    ...overrides,
  };
}

/** An open round of three candidates, results after closing, seen by a delegation (tests). */
export function makeRound(overrides: Partial<Round> = {}): Round {
  return {
    id: 'r1',
    title: { en: 'Priorities 2027', es: 'Prioridades 2027' },
    candidateProgramIds: ['p1', 'p2', 'p3'],
    places: 3,
    closesAt: '2099-03-01T15:30:00.000Z',
    resultsVisibility: 'after_close',
    state: 'open',
    openedBy: { id: 'u-admin', name: 'Marta' },
    openedAt: '2026-12-01T10:00:00.000Z',
    closedAt: null,
    closedBy: null,
    reopenings: [],
    delegations: [],
    abilities: makeRoundAbilities(),
    myDelegationId: 'org-gt',
    ...overrides,
  };
}

/** A delegation's saved ballot ranking p1 then p2 (tests). */
export function makeBallot(overrides: Partial<Ballot> = {}): Ballot {
  return {
    roundId: 'r1',
    organizationId: 'org-gt',
    organizationName: { en: 'Guatemala', es: 'Guatemala' },
    entries: [
      { programId: 'p1', rationale: null, locale: 'en' },
      { programId: 'p2', rationale: null, locale: 'en' },
    ],
    revision: 1,
    updatedBy: { id: 'u-ana', name: 'Ana' },
    updatedAt: '2026-12-02T10:00:00.000Z',
    ...overrides,
  };
}
