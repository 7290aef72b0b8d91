import { canonicalTimeZone, UTC_ZONE, type Locale } from '@mesa/shared';
import { browserTimeZone } from '../../lib/intl';

/** What a new account starts with; both can be changed in the profile. */
export interface NewAccountSettings {
  /** The interface language the person filled in the form in. */
  locale: Locale;
  /** The browser's time zone under its IANA name (Chromium says "Asia/Calcutta"). */
  timeZone: string;
}

/** The language of the form and the browser's zone; UTC if the browser names no IANA zone. */
export function newAccountSettings(locale: Locale): NewAccountSettings {
  return { locale, timeZone: canonicalTimeZone(browserTimeZone()) ?? UTC_ZONE };
}
