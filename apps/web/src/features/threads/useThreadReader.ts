import type { Locale } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { browserTimeZone, formatDateTime } from '../../lib/intl';
import { useMe } from '../auth/useMe';

/** Who reads the threads: their id, whether they administer, and their way of showing time. */
export interface ThreadReader {
  /** The signed-in person's id (their own comments get Edit and Delete). */
  id: string | null;
  /** An administrator may delete anyone's comment (workspace ability from the server). */
  administers: boolean;
  /** The interface language. */
  locale: Locale;
  /** A time in the person's zone, 24-hour clock. */
  time: (iso: string) => string;
}

/** The reader of a thread list, from `/api/me`. */
export function useThreadReader(): ThreadReader {
  const me = useMe();
  const locale = useLocale();
  const timeZone = me.data?.user.timeZone ?? browserTimeZone();
  return {
    id: me.data?.user.id ?? null,
    administers: me.data?.abilities.administer ?? false,
    locale,
    time: (iso) => formatDateTime(iso, locale, timeZone),
  };
}
