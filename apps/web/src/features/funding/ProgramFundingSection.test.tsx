import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { ProgramFunding } from '@mesa/shared';
import { live } from '../../lib/socket';
import type { FakeLive } from '../../test/fakeLive';
import { makeAbilities, makeMe, makeProgram } from '../../test/fixtures';
import { ok, stubFetch, type StubReply } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { currencies, makeRecord, makeTransaction } from './fundingFixtures';
import { ProgramFundingSection } from './ProgramFundingSection';

vi.mock('../../lib/socket', async (importOriginal) => {
  const { createFakeLive } = await import('../../test/fakeLive');
  return { ...(await importOriginal<object>()), live: createFakeLive() };
});
const fake = live as unknown as FakeLive;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function funding(overrides: Partial<ProgramFunding> = {}): ProgramFunding {
  return {
    program: {
      id: 'p-ba1',
      code: 'BA1',
      titleEn: 'Violence prevention',
      titleEs: 'Prevención',
      componentId: 'B',
      priority: true,
    },
    estimatedCost: { amount: '5000000', currency: 'USD' },
    estimatedCostUsd: '5000000.00',
    figures: {
      pledged: '250000.00',
      committed: '1000000.00',
      disbursed: '0.00',
      expended: '0.00',
      funding: '1000000.00',
      withoutRate: 1,
    },
    gap: '4000000.00',
    ...overrides,
  };
}

function show(options: { records?: StubReply; summary?: () => ProgramFunding; may?: boolean }) {
  const summary = options.summary ?? (() => funding());
  stubFetch({
    '/api/me': ok(makeMe()),
    '/api/funding/currencies': ok({ currencies }),
    '/api/programs/p-ba1/funding': () => ok({ funding: summary() }),
    '/api/programs/p-ba1/funding/records': options.records ?? ok({ records: [] }),
  });
  const program = makeProgram({
    abilities: makeAbilities({ recordCommitment: options.may ?? false }),
  });
  return renderRoute(<ProgramFundingSection program={program} />);
}

const value = (label: string) =>
  screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('ProgramFundingSection', () => {
  it('shows the summary in USD, the gap and the amounts left out for want of a rate', async () => {
    show({});
    expect(await screen.findByText('$4,000,000.00')).toBeTruthy();
    expect(value('Estimated cost')).toBe('$5,000,000.00');
    expect(value('Pledged')).toBe('$250,000.00');
    expect(value('Funding gap')).toBe('$4,000,000.00');
    expect(value('Not counted')).toBe('1 amount without a rate (listed, not counted in USD)');
    expect(screen.queryByRole('link', { name: 'Record a commitment' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Funding dashboard' }).getAttribute('href')).toBe(
      '/funding',
    );
  });

  it('says why the gap is unknown', async () => {
    show({ summary: () => funding({ estimatedCost: null, estimatedCostUsd: null, gap: null }) });
    expect(await screen.findByText('Unknown: the estimated cost is not recorded')).toBeTruthy();
    expect(value('Estimated cost')).toBe('Not recorded');
  });

  it('lists the records with their amounts in their currency, and "No rate"', async () => {
    const record = makeRecord({
      transactions: [
        makeTransaction(),
        makeTransaction({
          id: 'tx-2',
          type: 'pledge',
          amount: '2500.5',
          currency: 'EUR',
          usd: null,
          rate: null,
        }),
      ],
    });
    show({ records: ok({ records: [record] }), may: true });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('¥150,000,000');
    expect(rows[1]?.textContent).toContain('$1,000,000.00');
    expect(rows[2]?.textContent).toContain('€2,500.50');
    expect(rows[2]?.textContent).toContain('No rate');
    expect(screen.getByRole('link', { name: 'Record a commitment' }).getAttribute('href')).toBe(
      '/funding/records/new?programId=p-ba1',
    );
  });

  it('tells readers without access that the records are the program organizations’', async () => {
    show({
      records: { status: 403, body: { error: { code: 'forbidden', message: 'No.' } } },
    });
    expect(await screen.findByText(/open to the program's organizations only/)).toBeTruthy();
  });

  it('refetches on funding.changed for the program, never reading figures from the event', async () => {
    let gap = '4000000.00';
    show({ summary: () => funding({ gap }) });
    await screen.findByText('$4,000,000.00');
    gap = '3000000.00';
    fake.serverEmit('funding.changed', { programId: 'other', all: false });
    fake.serverEmit('funding.changed', { programId: 'p-ba1', all: false });
    await waitFor(() => expect(value('Funding gap')).toBe('$3,000,000.00'));
  });
});
