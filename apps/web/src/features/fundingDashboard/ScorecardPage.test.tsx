import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Scorecard } from '@mesa/shared';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { ScorecardPage } from './ScorecardPage';

vi.mock('../../lib/socket', async (importOriginal) => {
  const { createFakeLive } = await import('../../test/fakeLive');
  return { ...(await importOriginal<object>()), live: createFakeLive() };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = (id: string, name: string, unconfirmed: number) => ({
  donor: { id, name: { en: name, es: name }, shortName: { en: id, es: id } },
  lastActivityAt: null,
  commitments: 2,
  withRecentDisbursement: 1,
  unconfirmed,
});
const reply = (rows: Scorecard['rows']): Scorecard => ({
  unconfirmedBefore: '2026-09-07',
  recentSince: '2026-06-06',
  rows,
});

describe('ScorecardPage', () => {
  it('sorts through header buttons, with aria-sort and the sort in the address', async () => {
    stubFetch({
      '/api/funding/scorecard': ok(reply([row('a', 'Agency', 1), row('k', 'Kingdom', 5)])),
      '/api/funding/scorecard?sort=unconfirmed&direction=desc': ok(
        reply([row('k', 'Kingdom', 5), row('a', 'Agency', 1)]),
      ),
    });
    const { router } = renderRoute(<ScorecardPage />, {
      path: '/funding/scorecard',
      at: '/funding/scorecard',
    });
    const table = await screen.findByRole('table');
    const names = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent);
    expect(names()).toEqual(['Agency', 'Kingdom']);
    expect(within(table).getAllByText('50 % (1 of 2)')).toHaveLength(2);
    const header = screen.getByRole('columnheader', { name: /Never confirmed/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(header).getByRole('button'));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?sort=unconfirmed&direction=desc'),
    );
    await waitFor(() => expect(names()).toEqual(['Kingdom', 'Agency']));
    expect(
      screen.getByRole('columnheader', { name: /Never confirmed/ }).getAttribute('aria-sort'),
    ).toBe('descending');
    expect(
      screen.getByRole('link', { name: 'Download this view as CSV' }).getAttribute('href'),
    ).toBe('/api/funding/scorecard.csv?sort=unconfirmed&direction=desc&lang=en');
  });
});
