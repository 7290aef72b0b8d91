import {
  UTC_ZONE,
  listTimeZones,
  timeZoneArea,
  type Locale,
  type TimeZoneArea,
} from '@mesa/shared';

/** A group of the picker: a continent or ocean, UTC alone, or `other` for a kept unlisted zone. */
export type TimeZoneRegion = TimeZoneArea | 'utc' | 'other';

/** One zone as a person chooses it. */
export interface TimeZoneChoice {
  /** IANA name: the value stored. */
  id: string;
  /** The group it is listed under. */
  region: TimeZoneRegion;
  /** The place: the name's last part with spaces ("Buenos Aires"), its state after a comma. */
  place: string;
  /** Today's offset from UTC in minutes (east positive). */
  offsetMinutes: number;
  /** Today's offset as shown: "UTC−06:00" ('' for a zone this browser does not know). */
  offset: string;
  /** The zone's name in the interface language, from Intl ("hora estándar central"); may be ''. */
  zoneName: string;
}

/** The choices of one region, with the region's name in the interface language. */
export interface TimeZoneGroup {
  region: TimeZoneRegion;
  label: string;
  choices: TimeZoneChoice[];
}

/** "UTC+05:30", "UTC−06:00" (a true minus sign), "UTC+00:00". */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '\u2212' : '+';
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const rest = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `UTC${sign}${hours}:${rest}`;
}

// '' for a zone this browser does not know: a zone stored by a server with newer time-zone
// data must not break the page that shows it.
function zoneNamePart(
  zone: string,
  locale: Locale,
  style: 'longOffset' | 'longGeneric',
  now: Date,
) {
  try {
    const format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style });
    return format.formatToParts(now).find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

// Intl's longOffset is "GMT-06:00", or "GMT" alone at zero; null when the zone is unknown.
function offsetMinutesOf(zone: string, now: Date): number | null {
  const text = zoneNamePart(zone, 'en', 'longOffset', now);
  if (text === 'GMT') return 0;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

// ECMA-402 exposes no exemplar-city names (CLDR's "Ciudad de México", "Tokio"), so the place is
// the name's own; the localized zone name beside it carries the interface language.
function placeOf(zone: string): string {
  if (zone === UTC_ZONE) return UTC_ZONE;
  const parts = zone.split('/').map((part) => part.replaceAll('_', ' '));
  const place = parts.at(-1) ?? zone;
  return parts.length > 2 ? `${place}, ${parts[1]}` : place;
}

/** One zone described for the picker, at `now` (offsets follow daylight saving time). */
export function describeTimeZone(zone: string, locale: Locale, now: Date): TimeZoneChoice {
  const offsetMinutes = offsetMinutesOf(zone, now);
  const generic = zoneNamePart(zone, locale, 'longGeneric', now);
  const region = zone === UTC_ZONE ? 'utc' : (timeZoneArea(zone) ?? 'other');
  return {
    id: zone,
    region,
    place: placeOf(zone),
    offsetMinutes: offsetMinutes ?? 0,
    offset: offsetMinutes === null ? '' : formatUtcOffset(offsetMinutes),
    // Where CLDR has no name, Intl answers the offset again ("GMT+03:00"): not worth repeating.
    zoneName: /^GMT([+-]|$)/.test(generic) ? '' : generic,
  };
}

/** The text a choice shows when chosen: "UTC−06:00 Guatemala". */
export function timeZoneLabel(choice: TimeZoneChoice): string {
  return choice.offset ? `${choice.offset} ${choice.place}` : choice.place;
}

// Describing ~420 zones builds ~840 Intl formatters (100–300 ms on a laptop): once per language
// and hour (offsets change on the hour at most), however often the list is shown.
const cache = new Map<string, TimeZoneChoice[]>();

/** Every listed zone described at `now`, cached per language and hour. */
export function describeTimeZones(locale: Locale, now: Date): TimeZoneChoice[] {
  const hour = now.toISOString().slice(0, 13);
  const key = `${locale} ${hour}`;
  let choices = cache.get(key);
  if (!choices) {
    for (const old of cache.keys()) if (!old.endsWith(hour)) cache.delete(old);
    choices = listTimeZones().map((zone) => describeTimeZone(zone, locale, now));
    cache.set(key, choices);
  }
  return choices;
}

// A kept unlisted zone (the person's own) first, then UTC, then the continents and oceans.
const FIRST_REGIONS: readonly TimeZoneRegion[] = ['other', 'utc'];

function regionRank(region: TimeZoneRegion): number {
  const rank = FIRST_REGIONS.indexOf(region);
  return rank === -1 ? FIRST_REGIONS.length : rank;
}

/**
 * The choices grouped by region: a kept unlisted zone first, UTC, then the continents and
 * oceans by name; within a region by today's offset, then by place.
 */
export function groupTimeZones(
  choices: readonly TimeZoneChoice[],
  locale: Locale,
  regionLabel: (region: TimeZoneRegion) => string,
): TimeZoneGroup[] {
  const byRegion = new Map<TimeZoneRegion, TimeZoneChoice[]>();
  for (const choice of choices) {
    byRegion.set(choice.region, [...(byRegion.get(choice.region) ?? []), choice]);
  }
  const compare = new Intl.Collator(locale).compare;
  const groups = [...byRegion].map(([region, list]) => ({
    region,
    label: regionLabel(region),
    choices: list.sort((a, b) => a.offsetMinutes - b.offsetMinutes || compare(a.place, b.place)),
  }));
  return groups.sort(
    (a, b) => regionRank(a.region) - regionRank(b.region) || compare(a.label, b.label),
  );
}
