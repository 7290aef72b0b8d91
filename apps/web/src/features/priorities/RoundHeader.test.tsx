import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { Round } from '@mesa/shared';
import { makeMe } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { RoundHeader } from './RoundHeader';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// Closed early by Marta, reopened by Luis; closed at its time, reopened by Luis; an old
// reopening recorded before closings were kept; closed again now.
const round: Round = {
  id: 'r1',
  title: { en: 'Priorities 2027', es: 'Prioridades 2027' },
  candidateProgramIds: ['p1'],
  places: 1,
  closesAt: '2026-12-05T18:00:00.000Z',
  resultsVisibility: 'after_close',
  state: 'closed',
  openedBy: { id: 'u-marta', name: 'Marta' },
  openedAt: '2026-11-30T15:00:00.000Z',
  closedAt: '2026-12-05T18:00:00.000Z',
  closedBy: null,
  reopenings: [
    {
      id: 'r-first',
      by: { id: 'u-luis', name: 'Luis' },
      at: '2026-12-02T15:00:00.000Z',
      closing: { at: '2026-12-01T18:00:00.000Z', by: { id: 'u-marta', name: 'Marta' } },
    },
    {
      id: 'r-second',
      by: { id: 'u-luis', name: 'Luis' },
      at: '2026-12-04T15:00:00.000Z',
      closing: { at: '2026-12-03T23:30:00.000Z', by: null },
    },
  ],
  delegations: [],
  abilities: {
    read: true,
    vote: false,
    viewResults: true,
    close: false,
    reopen: false,
    comment: false,
    denied: {},
  },
  myDelegationId: null,
};

const history = (label: RegExp) =>
  within(screen.getByRole('list', { name: label }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('RoundHeader', () => {
  it("lists each earlier closing with the reopening that undid it, in the reader's time zone", async () => {
    stubFetch({ '/api/me': ok(makeMe({ user: { timeZone: 'America/Guatemala' } })) });
    renderRoute(<RoundHeader round={round} />);
    // Guatemala is UTC−6: 18:00 UTC is 12:00 there, 23:30 UTC the evening of the 3rd.
    await waitFor(() =>
      expect(history(/Closings and reopenings \(America\/Guatemala\)/)).toEqual([
        'Closed Dec 1, 2026, 12:00 by Marta; reopened Dec 2, 2026, 09:00 by Luis',
        'Closed Dec 3, 2026, 17:30 at its closing time; reopened Dec 4, 2026, 09:00 by Luis',
      ]),
    );
  });

  it('links each kept closing to the board it froze; an older reopening has no link', async () => {
    stubFetch({ '/api/me': ok(makeMe({ user: { timeZone: 'UTC' } })) });
    const mixed = {
      ...round,
      reopenings: [round.reopenings[0]!, { ...round.reopenings[1]!, closing: null }],
    };
    renderRoute(<RoundHeader round={mixed} />);
    const list = await screen.findByRole('list', { name: /Closings and reopenings/ });
    const [kept, old] = within(list).getAllByRole('listitem');
    const link = within(kept!).getByRole('link', { name: /^Closed Dec 1, 2026, 18:00 by Marta/ });
    expect(link.getAttribute('href')).toBe(`/priorities/${round.id}/closings/r-first`);
    expect(within(old!).queryByRole('link')).toBeNull();
  });

  it('says the same in Spanish', async () => {
    stubFetch({ '/api/me': ok(makeMe({ user: { timeZone: 'America/Guatemala' } })) });
    renderRoute(<RoundHeader round={round} />, { language: 'es' });
    await waitFor(() => {
      const [early, onTime] = history(/Cierres y reaperturas/);
      expect(early).toMatch(
        /^Cerrada el 1 dic 2026, 12:00 por Marta; reabierta el 2 dic 2026, 9:00 por Luis$/,
      );
      expect(onTime).toMatch(/^Cerrada el 3 dic 2026, 17:30 a su hora de cierre; reabierta/);
    });
  });

  it('shows a reopening recorded before closings were kept by who and when only', async () => {
    stubFetch({ '/api/me': ok(makeMe({ user: { timeZone: 'UTC' } })) });
    const old = { ...round, reopenings: [{ ...round.reopenings[0]!, closing: null }] };
    renderRoute(<RoundHeader round={old} />);
    await waitFor(() =>
      expect(history(/Closings and reopenings \(UTC\)/)).toEqual([
        'Reopened by Luis, Dec 2, 2026, 15:00',
      ]),
    );
  });
});
