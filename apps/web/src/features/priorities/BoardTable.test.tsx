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
  it('says what consensus counts and which priority programs are marked, in a note that describes the table', () => {
    stubFetch({});
    renderRoute(<BoardTable board={board} />);
    const table = screen.getByRole('table');
    expect(table.querySelector('caption')?.textContent).toBe(
      "Programs by score, from 2 delegations' ballots.",
    );
    // The note sits outside the scrolling region (a phone reads it without scrolling sideways).
    const note = document.getElementById(table.getAttribute('aria-describedby') ?? '');
    expect(note?.closest('.table-scroll')).toBeNull();
    const text = note?.textContent ?? '';
    expect(text).toContain('the share of the delegations that have voted (not of all delegations)');
    expect(text).toContain('the eighth is not identified, so it is not marked');
    expect(screen.getByText('50%')).toBeTruthy();
  });

  it('says the same in Spanish', () => {
    stubFetch({});
    renderRoute(<BoardTable board={board} />, { language: 'es' });
    const table = screen.getByRole('table');
    const note = document.getElementById(table.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toContain(
      'de las delegaciones que han votado (no de todas las delegaciones)',
    );
    expect(note?.textContent).toContain('el octavo no está identificado');
  });
});
