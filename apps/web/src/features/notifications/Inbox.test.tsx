import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { Notification, NotificationPage } from '@mesa/shared';
import { live } from '../../lib/socket';
import type { FakeLive } from '../../test/fakeLive';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { useLiveCacheSync } from '../live/useLiveCacheSync';
import { Inbox } from './Inbox';

vi.mock('../../lib/socket', async (importOriginal) => {
  const { createFakeLive } = await import('../../test/fakeLive');
  return { ...(await importOriginal<object>()), live: createFakeLive() };
});

const fake = live as FakeLive;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function note(id: string, o: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'mention',
    actor: { id: 'ana', name: 'Ana Pérez', organizationName: { en: 'IDB', es: 'BID' } },
    program: { id: 'p1', code: 'IADB-1', titleEn: 'Borders', titleEs: 'Fronteras' },
    target: {
      type: 'thread',
      threadId: 't1',
      subject: { kind: 'document', documentName: 'plan:p1' },
    },
    excerpt: 'This indicator has no baseline',
    createdAt: '2026-03-12T14:05:00.000Z',
    readAt: null,
    ...o,
  };
}

function WithLive() {
  useLiveCacheSync();
  return <Inbox />;
}

/** Renders the inbox over a server whose inbox is `server.page` (tests change it as they go). */
function renderInbox(page: NotificationPage, language: 'en' | 'es' = 'en') {
  const server = { page };
  const fetchMock = stubFetch({
    '/api/notifications?limit=8': () => ok(server.page),
    '/api/notifications/read': ok({ unreadCount: Math.max(0, page.unreadCount - 1) }),
  });
  return { ...renderRoute(<WithLive />, { language, path: '*' }), fetchMock, server };
}

describe('Inbox', () => {
  it('names the unread count in the button and raises it live, announcing politely', async () => {
    const { server } = renderInbox({ data: [note('n1')], nextCursor: null, unreadCount: 1 });
    const button = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    const n2 = note('n2', { kind: 'reply', excerpt: 'Agreed' });
    server.page = { data: [n2, note('n1')], nextCursor: null, unreadCount: 2 };
    act(() => fake.serverEmit('notification.created', { notification: n2, unreadCount: 2 }));
    await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(screen.getByRole('status').textContent).toBe('New notification: 2 unread');
    fireEvent.click(button);
    const list = screen.getByRole('list', { name: 'Latest notifications' });
    const items = within(list).getAllByRole('link');
    expect(items.map((a) => a.getAttribute('href'))).toEqual([
      '/programs/p1?thread=t1',
      '/programs/p1?thread=t1',
    ]);
    expect(items[0]?.textContent).toContain('Ana Pérez (IDB) replied in the plan of IADB-1');
    expect(items[1]?.textContent).toContain('“This indicator has no baseline”');
  });

  it('follows reads made in another tab, and opens and closes by keyboard', async () => {
    const { server } = renderInbox({ data: [note('n1')], nextCursor: null, unreadCount: 1 }, 'es');
    const button = await screen.findByRole('button', { name: 'Notificaciones, 1 sin leer' });
    fireEvent.click(button);
    expect(screen.getByRole('heading', { name: 'Notificaciones' })).toBe(document.activeElement);
    expect(screen.getByText('Nueva')).toBeTruthy();
    server.page = {
      data: [note('n1', { readAt: '2026-03-12T15:00:00.000Z' })],
      nextCursor: null,
      unreadCount: 0,
    };
    act(() => fake.serverEmit('notifications.read', { all: true, unreadCount: 0 }));
    await screen.findByRole('button', { name: 'Notificaciones' });
    expect(screen.queryByText('Nueva')).toBeNull();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('ends with the count the server holds when events from two nodes arrive out of order', async () => {
    const { server, fetchMock } = renderInbox({
      data: [note('n1')],
      nextCursor: null,
      unreadCount: 1,
    });
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    // n2 was created (count 2) and then everything was read in another tab (count 0), but the
    // read arrives first, from the other node.
    const n2 = note('n2', { readAt: '2026-03-12T15:00:00.000Z' });
    server.page = {
      data: [n2, note('n1', { readAt: '2026-03-12T15:00:00.000Z' })],
      nextCursor: null,
      unreadCount: 0,
    };
    const fetches = fetchMock.mock.calls.length;
    act(() => fake.serverEmit('notifications.read', { all: true, unreadCount: 0 }));
    act(() =>
      fake.serverEmit('notification.created', {
        notification: note('n2'),
        unreadCount: 2,
      }),
    );
    await vi.waitFor(() => expect(fetchMock.mock.calls.length).toBeGreaterThan(fetches));
    await screen.findByRole('button', { name: 'Notifications' });
    expect(screen.queryByRole('button', { name: /unread/ })).toBeNull();
  });

  it('marks a notification read when it is followed', async () => {
    const { fetchMock } = renderInbox({ data: [note('n1')], nextCursor: null, unreadCount: 1 });
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    fireEvent.click(screen.getByRole('link', { name: /mentioned you/ }));
    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.some(([path]) => path === '/api/notifications/read')).toBe(true),
    );
    const call = fetchMock.mock.calls.find(([path]) => path === '/api/notifications/read');
    expect(JSON.parse(call?.[1]?.body as string)).toEqual({ ids: ['n1'] });
  });
});
