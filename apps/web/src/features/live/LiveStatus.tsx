import './live.css';
import { LiveStates } from '../../lib/socket';
import { OnlineNow } from '../presence/OnlineNow';
import { ConnectionIndicator } from './ConnectionIndicator';
import { useLiveCacheSync } from './useLiveCacheSync';
import { useLiveConnection } from './useLiveConnection';
import { useLiveState } from './useLiveState';
import { useMe } from '../auth/useMe';

/**
 * The live layer in the header: opens the tab's connection once someone is signed in, keeps
 * cached data current from its events, and shows the connection state and who is online.
 */
export function LiveStatus() {
  const me = useMe();
  const userId = me.data?.user.id;
  useLiveConnection(userId);
  useLiveCacheSync();
  const state = useLiveState();
  if (!userId || state === LiveStates.idle) return null;
  return (
    <div className="live-status">
      <ConnectionIndicator state={state} />
      <OnlineNow selfId={userId} />
    </div>
  );
}
