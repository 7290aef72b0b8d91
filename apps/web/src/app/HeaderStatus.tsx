import { LiveStatus } from '../features/live/LiveStatus';

/**
 * The header's right-hand slot for who is online and the signed-in person's menu.
 * It renders nothing until sign-in and presence exist; the shell already reserves its place.
 */
export function HeaderStatus() {
  return <LiveStatus />;
}
