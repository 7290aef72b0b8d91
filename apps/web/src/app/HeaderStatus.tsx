import { UserMenu } from '../features/auth/components/UserMenu';
import { useMe } from '../features/auth/useMe';
import { LiveStatus } from '../features/live/LiveStatus';
import { Inbox } from '../features/notifications/Inbox';

/**
 * The header's right-hand slot: the live connection and who is online, the inbox, then the
 * signed-in person's menu. Signed out it shows nothing; the sign-in page is the way in.
 */
export function HeaderStatus() {
  const me = useMe();
  if (!me.data) return null;
  return (
    <>
      <LiveStatus />
      <Inbox />
      <UserMenu me={me.data} />
    </>
  );
}
