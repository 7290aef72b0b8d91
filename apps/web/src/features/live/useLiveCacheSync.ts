import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { live } from '../../lib/socket';
import { portfolioKeys } from '../portfolio/queryKeys';
import { applyThreadChange, threadKeys } from '../threads/threadCache';
import { applyProgramChange } from './programCache';
import { liveKeys } from './queryKeys';

/**
 * Keeps cached server data current from live events: program changes are merged into the
 * portfolio and program entries, thread changes into their subject's list; a change of rights refetches the person and the programs
 * (abilities); after a reconnect the programs are refetched, since events may have been missed.
 */
export function useLiveCacheSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetchPrograms = () =>
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.programs });
    const stops = [
      live.on('program.changed', (change) => applyProgramChange(queryClient, change)),
      live.on('thread.changed', (change) => applyThreadChange(queryClient, change)),
      live.on('access.changed', () => {
        void queryClient.invalidateQueries({ queryKey: liveKeys.me });
        void queryClient.invalidateQueries({ queryKey: threadKeys.all });
        refetchPrograms();
      }),
      live.onConnect((reconnected) => {
        if (!reconnected) return;
        refetchPrograms();
        void queryClient.invalidateQueries({ queryKey: threadKeys.all });
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [queryClient]);
}
