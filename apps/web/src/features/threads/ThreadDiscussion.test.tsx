import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Thread, ThreadSubject } from '@mesa/shared';
import { renderRoute } from '../../test/renderWithProviders';
import { ok, stubFetch } from '../../test/fetchStub';
import { ThreadDiscussion } from './ThreadDiscussion';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const subject: ThreadSubject = { kind: 'program', programId: 'prog1' };
const author = {
  id: 'u1',
  name: 'Ana',
  organizationId: 'o1',
  organizationName: { en: 'A', es: 'A' },
};

function thread(id: string, body: string): Thread {
  return {
    id,
    subject,
    anchor: null,
    state: 'open',
    author,
    createdAt: '2026-12-06T00:00:00.000Z',
    resolvedBy: null,
    resolvedAt: null,
    comments: [
      {
        id: `${id}c`,
        author,
        body,
        mentions: [],
        createdAt: '2026-12-06T00:00:00.000Z',
        editedAt: null,
        deletedAt: null,
      },
    ],
    abilities: { reply: false, resolve: false },
  };
}

const list = '/api/threads?kind=program&programId=prog1&state=all';

describe('ThreadDiscussion', () => {
  it('shows older threads from a focusable button and says how many were added', async () => {
    stubFetch({
      [list]: ok({
        threads: [thread('t3', 'Newest remark'), thread('t2', 'Middle remark')],
        nextCursor: 'page2',
        openCount: 3,
        canComment: false,
      }),
      [`${list}&cursor=page2`]: ok({
        threads: [thread('t1', 'Oldest remark')],
        nextCursor: null,
        openCount: 3,
        canComment: false,
      }),
    });
    renderRoute(<ThreadDiscussion subject={subject} />);
    expect(await screen.findByText('Middle remark')).toBeTruthy();
    expect(screen.queryByText('Oldest remark')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open (3)' })).toBeTruthy();
    const older = screen.getByRole('button', { name: 'Show older threads' });
    // A native button: in the tab order, Enter and Space press it.
    expect(older.tagName).toBe('BUTTON');
    older.focus();
    expect(document.activeElement).toBe(older);
    fireEvent.click(older);
    expect(await screen.findByText('Oldest remark')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('1 older thread added'),
    );
    // The last page is loaded: no more button, and every filter counts.
    expect(screen.queryByRole('button', { name: 'Show older threads' })).toBeNull();
    expect(screen.getByRole('button', { name: 'All (3)' })).toBeTruthy();
  });

  it('opens the thread a link names, fetching it alone when it is on a page not loaded', async () => {
    stubFetch({
      [list]: ok({
        threads: [thread('t3', 'Newest remark')],
        nextCursor: 'page2',
        openCount: 2,
        canComment: false,
      }),
      '/api/threads/t1': ok(thread('t1', 'Oldest remark')),
    });
    renderRoute(<ThreadDiscussion subject={subject} initialThreadId="t1" />);
    expect(await screen.findByText('Oldest remark')).toBeTruthy();
    expect(screen.queryByText('Newest remark')).toBeNull();
    expect(screen.getByRole('button', { name: '← All comments' })).toBeTruthy();
  });
});
