import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Presence } from '@mesa/shared';
import { live, LiveStates } from '../../lib/socket';
import { useLiveState } from '../live/useLiveState';

/** TanStack Query keys of presence. */
export const presenceKeys = {
  /** Who is online now, by organization. */
  online: ['presence'] as const,
};

async function listPresence(): Promise<Presence> {
  const presence = await live.listPresence();
  if (!presence) throw new Error('presence.list failed');
  return presence;
}

/** The number of people online (each once, however many tabs they have). */
export function countOnline(presence: Presence): number {
  return presence.organizations.reduce((sum, org) => sum + org.people.length, 0);
}

/**
 * Who is online now, by organization: asked once per connection, then kept current by
 * `presence.changed`. The last known list stays while reconnecting.
 */
export function usePresence() {
  const queryClient = useQueryClient();
  const state = useLiveState();
  useEffect(
    () =>
      live.on('presence.changed', (presence) =>
        queryClient.setQueryData(presenceKeys.online, presence),
      ),
    [queryClient],
  );
  useEffect(
    () =>
      live.onConnect(() => void queryClient.invalidateQueries({ queryKey: presenceKeys.online })),
    [queryClient],
  );
  return useQuery({
    queryKey: presenceKeys.online,
    queryFn: listPresence,
    enabled: state === LiveStates.live,
    staleTime: Infinity,
    retry: false,
  });
}
