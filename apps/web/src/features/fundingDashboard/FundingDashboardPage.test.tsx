import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FundingDashboard, FundingFigures } from '@mesa/shared';
import { live } from '../../lib/socket';
import type { FakeLive } from '../../test/fakeLive';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { filtersFromParams, filtersToParams } from '../../lib/fundingDashboardApi';
import { FundingDashboardPage } from './FundingDashboardPage';

vi.mock('../../lib/socket', async (importOriginal) => {
  const { createFakeLive } = await import('../../test/fakeLive');
  return { ...(await importOriginal<object>()), live: createFakeLive() };
});
const fake = live as FakeLive;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const figures = (funding: string): FundingFigures => ({
  pledged: '500.00',
  committed: funding,
  disbursed: '0.00',
  expended: '0.00',
  funding,
  withoutRate: 0,
});

function dashboard(funding: string, filters = {}): FundingDashboard {
  return {
    filters,
    programs: [
      {
        program: {
          id: 'p1',
          code: 'BA1',
          titleEn: 'Violence prevention',
          titleEs: 'Prevención de la violencia',
          componentId: 'A',
          priority: true,
        },
        estimatedCost: { amount: '1000', currency: 'USD' },
        estimatedCostUsd: '1000.00',
        figures: figures(funding),
        gap: funding === '100.00' ? '900.00' : '750.00',
      },
    ],
    strategyWide: figures('0.00'),
    total: figures(funding),
    byComponent: [],
    byDonor: [],
    byModality: [],
    byCurrency: [],
    byYear: [],
    conflictingRecords: 1,
    generatedAt: '2026-12-06T07:00:00.000Z',
  };
}

const scorecard = {
  unconfirmedBefore: '2026-09-07',
  recentSince: '2026-06-06',
  rows: [
    {
      donor: {
        id: 'org-eu',
        name: { en: 'European Union', es: 'Unión Europea' },
        shortName: { en: 'EU', es: 'UE' },
      },
      lastActivityAt: null,
      commitments: 0,
      withRecentDisbursement: 0,
      unconfirmed: 0,
    },
  ],
};

describe('filters in the URL', () => {
  it('reads valid filters from the address and leaves out invalid ones', () => {
    const params = new URLSearchParams(
      'priority=true&fromYear=2025&toYear=soon&modality=gift&currency=EUR',
    );
    expect(filtersFromParams(params)).toEqual({
      priority: 'true',
      fromYear: 2025,
      currency: 'EUR',
    });
    expect(filtersToParams({ currency: 'EUR', priority: 'false', toYear: 2026 }).toString()).toBe(
      'priority=false&currency=EUR&toYear=2026',
    );
  });
});

describe('FundingDashboardPage', () => {
  it('shows the filters of the address, applies new ones to the address and the CSV link', async () => {
    const fetchMock = stubFetch({
      '/api/funding/dashboard?priority=true&fromYear=2025': ok(dashboard('100.00')),
      '/api/funding/dashboard?priority=true&donorOrganizationId=org-eu&fromYear=2025': ok(
        dashboard('250.00'),
      ),
      '/api/components': ok({ data: [] }),
      '/api/funding/scorecard?sort=donor': ok(scorecard),
    });
    const { router } = renderRoute(<FundingDashboardPage />, {
      path: '/funding',
      at: '/funding?priority=true&fromYear=2025',
    });
    expect(await screen.findByTestId('total-funding')).toHaveProperty('textContent', '$100');
    expect(screen.getByLabelText<HTMLSelectElement>('Programs').value).toBe('true');
    expect(screen.getByLabelText<HTMLInputElement>('From year').value).toBe('2025');
    expect(
      screen.getByRole('link', { name: 'Download this view as CSV' }).getAttribute('href'),
    ).toBe('/api/funding/dashboard.csv?priority=true&fromYear=2025&lang=en');
    // The table beside the chart is the source of truth.
    const table = screen.getByRole('table', { name: 'Priority programs' });
    expect(within(table).getByRole('rowheader').textContent).toBe('BA1 Violence prevention');
    expect(
      within(table)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain('$900');
    expect(screen.getByText(/1 record has a figure the sources dispute/)).toBeTruthy();

    const donor = await screen.findByRole('option', { name: 'European Union' });
    fireEvent.change(screen.getByLabelText('Donor'), {
      target: { value: donor.getAttribute('value') },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?priority=true&donorOrganizationId=org-eu&fromYear=2025',
      ),
    );
    expect(
      await screen.findByText('$250', { selector: '[data-testid="total-funding"]' }),
    ).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/funding/dashboard?priority=true&donorOrganizationId=org-eu&fromYear=2025',
      expect.anything(),
    );

    // Back: the earlier view and its filters again.
    await act(() => router.navigate(-1));
    expect(
      await screen.findByText('$100', { selector: '[data-testid="total-funding"]' }),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Donor').value).toBe('');
  });

  it('refetches on funding.changed and says it was updated live', async () => {
    let funding = '100.00';
    stubFetch({
      '/api/funding/dashboard': () => ok(dashboard(funding)),
      '/api/components': ok({ data: [] }),
      '/api/funding/scorecard?sort=donor': ok(scorecard),
    });
    renderRoute(<FundingDashboardPage />, { path: '/funding', at: '/funding', language: 'es' });
    const total = () => screen.getByTestId('total-funding').textContent?.replace(/\s/g, ' ');
    await waitFor(() => expect(total()).toBe('100 US$'));
    funding = '250.00';
    act(() => fake.serverEmit('funding.changed', { programId: 'p1', all: false }));
    expect(
      await screen.findByText('250 US$', { selector: '[data-testid="total-funding"]' }),
    ).toBeTruthy();
    expect(screen.getByText(/Actualizado en vivo/)).toBeTruthy();
  });
});
