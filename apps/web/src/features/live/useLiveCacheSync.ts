import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { live } from '../../lib/socket';
import { portfolioKeys } from '../portfolio/queryKeys';
import { applyNotificationCreated, applyNotificationsRead } from '../notifications/inboxCache';
import { notificationKeys } from '../notifications/queryKeys';
import { applyThreadChange, threadKeys } from '../threads/threadCache';
import { applyProgramChange } from './programCache';
import { liveKeys } from './queryKeys';

/**
 * Keeps cached server data current from live events: program changes are merged into the
 * portfolio and program entries, thread changes into their subject's list; a change of rights
 * refetches the person and the programs (abilities), the threads and the inbox; new and read
 * notifications are merged into the inbox at once and then refetched, since events sent by
 * different nodes (a read in one tab, a new notification from another node) may arrive out of
 * order and the count shown must end as the database's; after a reconnect the programs, the
 * threads and the inbox are refetched, since events may have been missed.
 */
export function useLiveCacheSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetchPrograms = () =>
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.programs });
    // Cancels a refetch still in flight, so the last answer read after the last event wins.
    const refetchInbox = () =>
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    const stops = [
      live.on('program.changed', (change) => applyProgramChange(queryClient, change)),
      live.on('thread.changed', (change) => applyThreadChange(queryClient, change)),
      live.on('access.changed', () => {
        void queryClient.invalidateQueries({ queryKey: liveKeys.me });
        void queryClient.invalidateQueries({ queryKey: threadKeys.all });
        refetchPrograms();
        // Losing a program hides its notifications, from the count too.
        refetchInbox();
      }),
      live.on('notification.created', (created) => {
        applyNotificationCreated(queryClient, created);
        refetchInbox();
      }),
      live.on('notifications.read', (read) => {
        applyNotificationsRead(queryClient, read);
        refetchInbox();
      }),
      live.onConnect((reconnected) => {
        if (!reconnected) return;
        refetchPrograms();
        void queryClient.invalidateQueries({ queryKey: threadKeys.all });
        refetchInbox();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [queryClient]);
}
