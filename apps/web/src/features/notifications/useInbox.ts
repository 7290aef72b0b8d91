import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationsRead,
} from '../../lib/notificationsApi';
import { applyNotificationsRead } from './inboxCache';
import { PAGE_LIMIT, RECENT_LIMIT, notificationKeys } from './queryKeys';

/** The newest notifications and the unread count, for the header (kept live by LiveConnection). */
export function useRecentNotifications() {
  return useQuery({
    queryKey: notificationKeys.recent,
    queryFn: ({ signal }) => fetchNotifications(RECENT_LIMIT, undefined, signal),
  });
}

/** Every notification, a page at a time, for `/notifications`. */
export function useNotificationPages() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam, signal }) => fetchNotifications(PAGE_LIMIT, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Marks notifications read (some ids, or all); the cache follows the server's unread count. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[] | 'all') => {
      const unreadCount =
        ids === 'all' ? await markAllNotificationsRead() : await markNotificationsRead(ids);
      return ids === 'all' ? { all: true as const, unreadCount } : { ids, unreadCount };
    },
    onSuccess: (read) => applyNotificationsRead(client, read),
  });
}
