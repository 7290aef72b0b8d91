import './live.css';
import { LiveStates } from '../../lib/socket';
import { OnlineNow } from '../presence/OnlineNow';
import { ConnectionIndicator } from './ConnectionIndicator';
import { useLiveState } from './useLiveState';
import { useMe } from '../auth/useMe';

/**
 * The live layer in the header: the connection state and who is online. The connection itself
 * is LiveConnection's, which the header keeps mounted.
 */
export function LiveStatus() {
  const me = useMe();
  const userId = me.data?.user.id;
  const state = useLiveState();
  if (!userId || state === LiveStates.idle) return null;
  return (
    <div className="live-status">
      <ConnectionIndicator state={state} />
      <OnlineNow selfId={userId} />
    </div>
  );
}
