import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { live } from '../../lib/socket';
import { portfolioKeys } from '../portfolio/queryKeys';

/**
 * Follows one program live while mounted (its room sends details, merged by the cache sync).
 * Returns whether the person lost access to it meanwhile; the cached copies are then
 * refetched, so the page stops showing what they may no longer read.
 */
export function useLiveProgram(programId: string): boolean {
  const queryClient = useQueryClient();
  const [revokedId, setRevokedId] = useState<string | null>(null);
  useEffect(() => live.followProgram(programId), [programId]);
  useEffect(
    () =>
      live.on('program.accessRevoked', (payload) => {
        if (payload.programId !== programId) return;
        setRevokedId(programId);
        void queryClient.invalidateQueries({ queryKey: portfolioKeys.programs });
      }),
    [programId, queryClient],
  );
  return revokedId === programId;
}
