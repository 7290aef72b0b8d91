import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { live } from '../../lib/socket';
import { portfolioKeys } from '../portfolio/queryKeys';
import { applyProgramChange } from './programCache';
import { liveKeys } from './queryKeys';

/**
 * Keeps cached server data current from live events: program changes are merged into the
 * portfolio and program entries; a change of rights refetches the person and the programs
 * (abilities); after a reconnect the programs are refetched, since events may have been missed.
 */
export function useLiveCacheSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetchPrograms = () =>
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.programs });
    const stops = [
      live.on('program.changed', (change) => applyProgramChange(queryClient, change)),
      live.on('access.changed', () => {
        void queryClient.invalidateQueries({ queryKey: liveKeys.me });
        refetchPrograms();
      }),
      live.onConnect((reconnected) => {
        if (reconnected) refetchPrograms();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [queryClient]);
}
