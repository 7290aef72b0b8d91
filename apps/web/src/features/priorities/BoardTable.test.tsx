import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import type { Board } from '@mesa/shared';
import { stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { BoardTable } from './BoardTable';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// Two delegations voted: one ranks both programs, the other only the first.
const board: Board = {
  roundId: 'r1',
  places: 2,
  votingDelegations: 2,
  organizations: {
    gt: { en: 'Guatemala', es: 'Guatemala' },
    hn: { en: 'Honduras', es: 'Honduras' },
  },
  rows: [
    {
      rank: 1,
      programId: 'p1',
      code: 'BA1',
      titleEn: 'First',
      titleEs: 'Primero',
      priority: true,
      score: 4,
      rankedBy: [
        { organizationId: 'gt', place: 1 },
        { organizationId: 'hn', place: 1 },
      ],
      consensus: 1,
      rationales: [],
    },
    {
      rank: 2,
      programId: 'p2',
      code: 'BB1',
      titleEn: 'Second',
      titleEs: 'Segundo',
      priority: false,
      score: 1,
      rankedBy: [{ organizationId: 'gt', place: 2 }],
      consensus: 0.5,
      rationales: [],
    },
  ],
};

describe('BoardTable', () => {
  it('says in its caption what consensus counts and which priority programs are marked', () => {
    stubFetch({});
    renderRoute(<BoardTable board={board} />);
    const caption = screen.getByRole('table').querySelector('caption')?.textContent ?? '';
    expect(caption).toContain("from 2 delegations' ballots");
    expect(caption).toContain(
      'the share of the delegations that have voted (not of all delegations)',
    );
    expect(caption).toContain('the eighth is not identified, so it is not marked');
    expect(screen.getByText('50%')).toBeTruthy();
  });

  it('says the same in Spanish', () => {
    stubFetch({});
    renderRoute(<BoardTable board={board} />, { language: 'es' });
    const caption = screen.getByRole('table').querySelector('caption')?.textContent ?? '';
    expect(caption).toContain('de las delegaciones que han votado (no de todas las delegaciones)');
    expect(caption).toContain('el octavo no está identificado');
  });
});
