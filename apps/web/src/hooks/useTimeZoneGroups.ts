import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@mesa/shared';
import {
  describeTimeZone,
  describeTimeZones,
  groupTimeZones,
  type TimeZoneGroup,
} from '../lib/timeZones';

// Describing every zone takes a noticeable moment (lib/timeZones.ts): do it while the page is
// idle after it appears, or at once when the person opens the list first.
function useIdleAfterMount(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(() => setIdle(true), { timeout: 2000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(() => setIdle(true), 200);
    return () => window.clearTimeout(handle);
  }, []);
  return idle;
}

/**
 * The zones to choose from, grouped by region and named in the interface language; `keep`
 * (the zone chosen now) is listed first under "Your current zone" when it is not a listed zone.
 * Null until the list is first needed (`wanted`) or the page is idle.
 */
export function useTimeZoneGroups(
  locale: Locale,
  keep: string,
  wanted: boolean,
): TimeZoneGroup[] | null {
  const { t } = useTranslation();
  const idle = useIdleAfterMount();
  const ready = idle || wanted;
  return useMemo(() => {
    if (!ready) return null;
    const now = new Date();
    const listed = describeTimeZones(locale, now);
    const choices = listed.some((choice) => choice.id === keep)
      ? listed
      : [{ ...describeTimeZone(keep, locale, now), region: 'other' as const }, ...listed];
    return groupTimeZones(choices, locale, (region) => t(`timeZonePicker.regions.${region}`));
  }, [ready, locale, keep, t]);
}
