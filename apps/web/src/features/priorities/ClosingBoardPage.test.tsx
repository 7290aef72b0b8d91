import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { ClosingBoardReply } from '@mesa/shared';
import { makeMe } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { ClosingBoardPage } from './ClosingBoardPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The board as frozen then: the delegation was named "Guatemala" at that closing.
const record: ClosingBoardReply = {
  closing: { at: '2026-12-01T18:00:00.000Z', by: { id: 'u-marta', name: 'Marta' } },
  board: {
    roundId: 'r1',
    places: 1,
    votingDelegations: 1,
    organizations: { gt: { en: 'Guatemala', es: 'Guatemala' } },
    rows: [
      {
        rank: 1,
        programId: 'p1',
        code: 'BA1',
        titleEn: 'First',
        titleEs: 'Primero',
        priority: false,
        score: 1,
        rankedBy: [{ organizationId: 'gt', place: 1 }],
        consensus: 1,
        rationales: [],
      },
    ],
  },
};

function show(reply: ClosingBoardReply, language: 'en' | 'es' = 'en') {
  const fetchMock = stubFetch({
    '/api/me': ok(makeMe({ user: { timeZone: 'America/Guatemala' } })),
    '/api/rounds/r1/closings/re1/board': ok(reply),
  });
  renderRoute(<ClosingBoardPage />, {
    path: '/priorities/:roundId/closings/:reopeningId',
    at: '/priorities/r1/closings/re1',
    language,
  });
  return fetchMock;
}

describe('ClosingBoardPage', () => {
  it("shows the frozen board read-only under who closed it and when, in the reader's zone", async () => {
    const fetchMock = show(record);
    // Guatemala is UTC−6: 18:00 UTC is 12:00 there.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
        'Board as closed on Dec 1, 2026, 12:00 by Marta',
      ),
    );
    expect(screen.getByText(/Times in America\/Guatemala/)).toBeTruthy();
    // The same chart and table as the round page shows.
    expect(await screen.findByRole('img', { name: /score/i })).toBeTruthy();
    const table = screen.getByRole('table');
    const line = within(table).getByRole('row', { name: /First/ });
    expect(line.textContent).toContain('Guatemala');
    // The record: no discussion column, no Discuss buttons, no way to change anything.
    expect(within(table).queryByRole('columnheader', { name: 'Discussion' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Discuss/ })).toBeNull();
    const csv = screen.getByRole('link', { name: 'Download results (CSV)' });
    expect(csv.getAttribute('href')).toBe('/api/rounds/r1/closings/re1/board.csv');
    expect(screen.getByRole('link', { name: 'Back to the round' }).getAttribute('href')).toBe(
      '/priorities/r1',
    );
    // Only the record is fetched, not the live board.
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/rounds/r1/board')).toBe(false);
  });

  it('says when a closing happened at its closing time, in Spanish', async () => {
    show({ ...record, closing: { ...record.closing, by: null } }, 'es');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
        'Tablero tal como se cerró el 1 dic 2026, 12:00 a su hora de cierre',
      ),
    );
  });
});
