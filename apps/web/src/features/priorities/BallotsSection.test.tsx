import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import type { Ballot, Round } from '@mesa/shared';
import { live } from '../../lib/socket';
import type { FakeLive } from '../../test/fakeLive';
import { makeMe, makeProgram } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { BallotsSection } from './BallotsSection';
import { makeBallot, makeRound, makeRoundAbilities } from './roundFixtures';
import { useLiveRounds } from './usePriorities';

vi.mock('../../lib/socket', async (importOriginal) => {
  const { createFakeLive } = await import('../../test/fakeLive');
  return { ...(await importOriginal<object>()), live: createFakeLive() };
});
const fake = live as FakeLive;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const programs = [
  makeProgram({ id: 'p1', code: 'BA1', titleEn: 'First' }),
  makeProgram({ id: 'p2', code: 'BB1', titleEn: 'Second' }),
  makeProgram({ id: 'p3', code: 'BC1', titleEn: 'Third' }),
];
const visibleRound = makeRound({
  resultsVisibility: 'while_open',
  abilities: makeRoundAbilities({ viewResults: true, denied: {} }),
});
const guatemala = makeBallot({
  entries: [
    { programId: 'p2', rationale: 'Tiene línea de base.', locale: 'es' },
    { programId: 'p1', rationale: null, locale: 'en' },
  ],
});
const costaRica = makeBallot({
  organizationId: 'org-cr',
  organizationName: { en: 'Costa Rica', es: 'Costa Rica' },
  entries: [{ programId: 'p3', rationale: null, locale: 'en' }],
  updatedBy: { id: 'u-luis', name: 'Luis' },
  updatedAt: '2026-12-03T18:30:00.000Z',
});

/** The section as the round page shows it, following the round live. */
function Shown({ round }: { round: Round }) {
  useLiveRounds(round.id);
  return <BallotsSection round={round} />;
}

function stub(ballots: () => Ballot[]) {
  return stubFetch({
    '/api/me': ok(makeMe({ user: { timeZone: 'America/Guatemala' } })),
    '/api/programs': ok({ data: programs }),
    '/api/rounds/r1/ballots': () => ok({ data: ballots() }),
  });
}

describe('BallotsSection', () => {
  it("shows each delegation's ordered ballot, rationales in their language, who changed it and when in the reader's zone", async () => {
    stub(() => [guatemala, costaRica]);
    renderRoute(<Shown round={visibleRound} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Ballots' })).toBeTruthy();
    const gt = await screen.findByRole('list', { name: 'Guatemala' });
    // Delegations by name, each a heading over its ordered list.
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Costa Rica',
      'Guatemala',
    ]);
    expect(gt.tagName).toBe('OL');
    const places = within(gt).getAllByRole('listitem');
    expect(places.map((li) => li.textContent)).toEqual([
      'BB1 · SecondRationale: Tiene línea de base.',
      'BA1 · First',
    ]);
    expect(within(places[0]!).getByText('Tiene línea de base.').getAttribute('lang')).toBe('es');
    // 10:00 UTC is 04:00 in Guatemala, the reader's zone.
    await screen.findByText('Last changed by Ana, Dec 2, 2026, 04:00');
    expect(screen.getByText('Last changed by Luis, Dec 3, 2026, 12:30')).toBeTruthy();
  });

  it('follows a ballot saved by another delegation live', async () => {
    let ballots = [guatemala];
    stub(() => ballots);
    renderRoute(<Shown round={visibleRound} />);
    await screen.findByRole('list', { name: 'Guatemala' });
    expect(screen.queryByRole('list', { name: 'Costa Rica' })).toBeNull();
    ballots = [guatemala, costaRica];
    act(() => fake.serverEmit('ballot.changed', { roundId: 'r1', organizationId: 'org-cr' }));
    const cr = await screen.findByRole('list', { name: 'Costa Rica' });
    expect(within(cr).getByRole('listitem').textContent).toBe('BC1 · Third');
  });

  it('shows nothing, and fetches no ballot, while results are hidden', async () => {
    const fetchMock = stub(() => [guatemala]);
    const { container } = renderRoute(<Shown round={makeRound()} />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(container.textContent).toBe('');
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/rounds/r1/ballots')).toBe(false);
  });
});
