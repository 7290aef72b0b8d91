import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { live } from '../../lib/socket';
import type { FakeLive } from '../../test/fakeLive';
import { makeMe } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { currencies, makeRecord, makeTransaction } from './fundingFixtures';
import { StrategyWideRecordsPage } from './StrategyWideRecordsPage';

vi.mock('../../lib/socket', async (importOriginal) => {
  const { createFakeLive } = await import('../../test/fakeLive');
  return { ...(await importOriginal<object>()), live: createFakeLive() };
});
const fake = live as unknown as FakeLive;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('StrategyWideRecordsPage', () => {
  it('lists the strategy-wide records, marks a disputed figure, and refetches on funding.changed', async () => {
    let records = [
      makeRecord({
        program: null,
        conflicting: true,
        transactions: [makeTransaction({ type: 'pledge', amount: '1000000000', currency: 'USD' })],
      }),
    ];
    stubFetch({
      '/api/me': ok(makeMe()),
      '/api/funding/currencies': ok({ currencies }),
      '/api/funding/records?strategyWide=true': () => ok({ records }),
    });
    renderRoute(<StrategyWideRecordsPage />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Strategy-wide commitments' }),
    ).toBeTruthy();
    expect(await screen.findByText('$1,000,000,000.00')).toBeTruthy();
    expect(screen.getByText(/sources disagree/i)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Record a commitment' }).getAttribute('href')).toBe(
      '/funding/records/new',
    );
    records = [];
    fake.serverEmit('funding.changed', { programId: null, all: false });
    expect(await screen.findByText('No strategy-wide commitment is recorded yet.')).toBeTruthy();
  });
});
