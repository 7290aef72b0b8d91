import { UserMenu } from '../features/auth/components/UserMenu';
import { useMe } from '../features/auth/useMe';

/**
 * The header's right-hand slot: the signed-in person's menu (and, later, who is online).
 * Signed out it shows nothing; the sign-in page is the way in.
 */
export function HeaderStatus() {
  const me = useMe();
  if (!me.data) return null;
  return <UserMenu me={me.data} />;
}
