import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { NotificationCreated, NotificationPage, NotificationsRead } from '@mesa/shared';
import { RECENT_LIMIT, notificationKeys } from './queryKeys';

/** A page with a new notification first (once, whatever repeats) and the new unread count. */
export function prependNotification(
  page: NotificationPage,
  created: NotificationCreated,
  limit = Number.POSITIVE_INFINITY,
): NotificationPage {
  const { notification, unreadCount } = created;
  const rest = page.data.filter((n) => n.id !== notification.id);
  return { ...page, data: [notification, ...rest].slice(0, limit), unreadCount };
}

/** A page with the notifications read elsewhere (some ids, or all) marked read at `at`. */
export function markPageRead(
  page: NotificationPage,
  read: NotificationsRead,
  at: string,
): NotificationPage {
  const ids = 'ids' in read ? new Set(read.ids) : null;
  const data = page.data.map((n) =>
    n.readAt === null && (ids === null || ids.has(n.id)) ? { ...n, readAt: at } : n,
  );
  return { ...page, data, unreadCount: read.unreadCount };
}

type Pages = InfiniteData<NotificationPage, string | undefined>;

/** Merges a live `notification.created` into the cached inbox, without a refetch. */
export function applyNotificationCreated(client: QueryClient, created: NotificationCreated) {
  client.setQueryData<NotificationPage>(notificationKeys.recent, (page) =>
    page ? prependNotification(page, created, RECENT_LIMIT) : page,
  );
  client.setQueryData<Pages>(notificationKeys.list, (pages) =>
    pages
      ? {
          ...pages,
          pages: pages.pages.map((p, i) =>
            i === 0 ? prependNotification(p, created) : { ...p, unreadCount: created.unreadCount },
          ),
        }
      : pages,
  );
}

/** Merges reads (this tab's or another's, from `notifications.read`) into the cached inbox. */
export function applyNotificationsRead(
  client: QueryClient,
  read: NotificationsRead,
  at = new Date().toISOString(),
) {
  client.setQueryData<NotificationPage>(notificationKeys.recent, (page) =>
    page ? markPageRead(page, read, at) : page,
  );
  client.setQueryData<Pages>(notificationKeys.list, (pages) =>
    pages ? { ...pages, pages: pages.pages.map((p) => markPageRead(p, read, at)) } : pages,
  );
}
