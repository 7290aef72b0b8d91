import { useMe } from '../auth/useMe';
import { useLiveCacheSync } from './useLiveCacheSync';
import { useLiveConnection } from './useLiveConnection';

/**
 * Opens the tab's live connection once someone is signed in and keeps cached data current from
 * its events. Renders nothing: it sits in the header for the whole session, apart from
 * LiveStatus, so the header switching between its wide and narrow layouts (a phone turned
 * sideways) never drops and reopens the connection.
 */
export function LiveConnection() {
  const me = useMe();
  useLiveConnection(me.data?.user.id);
  useLiveCacheSync();
  return null;
}
