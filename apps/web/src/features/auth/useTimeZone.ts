import { browserTimeZone } from '../../lib/intl';
import { useMe } from './useMe';

/** The time zone to show times in: the signed-in person's, else the browser's. */
export function useTimeZone(): string {
  const { data } = useMe();
  return data?.user.timeZone ?? browserTimeZone();
}
