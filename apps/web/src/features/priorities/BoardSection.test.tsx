import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Thread } from '@mesa/shared';
import { makeProgram } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { BoardSection } from './BoardSection';
import { makeRound } from './roundFixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const programs = [
  makeProgram({ id: 'p1', code: 'BA1', titleEn: 'First', priority: true }),
  makeProgram({ id: 'p2', code: 'BB1', titleEn: 'Second' }),
  makeProgram({ id: 'p3', code: 'BC1', titleEn: 'Third' }),
  makeProgram({ id: 'p4', code: 'BD1', titleEn: 'Not a candidate' }),
];
const author = {
  id: 'u-luis',
  name: 'Luis',
  organizationId: 'org-hn',
  organizationName: { en: 'Honduras', es: 'Honduras' },
};
const thread: Thread = {
  id: 't1',
  subject: { kind: 'roundProgram', roundId: 'r1', programId: 'p2' },
  anchor: null,
  state: 'open',
  author,
  createdAt: '2026-12-06T00:00:00.000Z',
  resolvedBy: null,
  resolvedAt: null,
  comments: [
    {
      id: 'c1',
      author,
      body: 'It has a baseline: rank it higher.',
      mentions: [],
      createdAt: '2026-12-06T00:00:00.000Z',
      editedAt: null,
      deletedAt: null,
    },
  ],
  abilities: { reply: true, resolve: false },
};

function stubHiddenRound() {
  return stubFetch({
    '/api/programs': ok({ data: programs }),
    '/api/threads?kind=roundProgram&programId=p2&roundId=r1&state=all': ok({
      threads: [thread],
      nextCursor: null,
      openCount: 1,
      canComment: true,
    }),
    '/api/threads/t1': ok(thread),
  });
}

describe('BoardSection while results are hidden', () => {
  it('lists the candidates without figures, each opening its discussion', async () => {
    const fetchMock = stubHiddenRound();
    // Listed by code, whatever the round's order.
    const round = makeRound({ candidateProgramIds: ['p3', 'p1', 'p2'] });
    renderRoute(<BoardSection round={round} />, {
      path: '/priorities/:roundId',
      at: '/priorities/r1',
    });
    const list = await screen.findByRole('list', { name: 'Candidate programs' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-program-id'))).toEqual(['p1', 'p2', 'p3']);
    expect(within(items[0]!).getByText('Priority program')).toBeTruthy();
    expect(within(items[1]!).queryByText('Priority program')).toBeNull();
    // Nothing about how anyone voted: no table, no board fetched.
    expect(screen.queryByRole('table')).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/rounds/r1/board')).toBe(false);

    const discuss = within(items[1]!).getByRole('button', { name: 'Discuss BB1 Second' });
    expect(discuss.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(discuss);
    const heading = await screen.findByRole('heading', { name: 'Discussion of BB1 Second' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(discuss.getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByText('It has a baseline: rank it higher.')).toBeTruthy();
  });

  it("opens the discussion a notification's link names", async () => {
    stubHiddenRound();
    renderRoute(<BoardSection round={makeRound()} />, {
      path: '/priorities/:roundId',
      at: '/priorities/r1?discuss=p2&thread=t1',
    });
    expect(await screen.findByRole('heading', { name: 'Discussion of BB1 Second' })).toBeTruthy();
    expect(await screen.findByText('It has a baseline: rank it higher.')).toBeTruthy();
  });
});
