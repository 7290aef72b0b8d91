import { z } from 'zod';

/**
 * The areas of today's IANA zone names: the continents and oceans of `Area/Location`
 * (IANA tz-link, "Names of timestamps"). Everything else an engine may list — `US/Pacific`,
 * `Canada/*`, `Etc/GMT+5`, `EST5EDT`, `GB`… — is a backward-compatibility link or a fixed
 * offset, not a place a person lives.
 */
export const TimeZoneAreas = [
  'Africa',
  'America',
  'Antarctica',
  'Arctic',
  'Asia',
  'Atlantic',
  'Australia',
  'Europe',
  'Indian',
  'Pacific',
] as const;

/** A continent or ocean of the zone list. */
export type TimeZoneArea = (typeof TimeZoneAreas)[number];

/** The zone with no location: listed on its own, first. */
export const UTC_ZONE = 'UTC';

/**
 * Old spellings that CLDR keeps as its stable ids, so that ICU — and with it V8, Chromium and
 * Node 20 — lists and resolves them (`Intl.supportedValuesOf('timeZone')` answers
 * `Asia/Calcutta`, and `Asia/Kolkata` resolves to it), mapped to the names IANA uses today.
 * Each pair is a rename in IANA's `backward` file. Measured on Node 20.20 and Chromium 156: of
 * the 418 ids they list, these 19 are not IANA zone names; engines that already answer IANA's
 * names (ECMA-402's primary identifiers) pass through unchanged.
 */
export const LegacyTimeZoneNames: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

// IANA names are ASCII letters, digits, '/', '_', '-' and '+' and start with a letter. Newer
// engines also accept offsets such as "+05:00" as a timeZone; those are not IANA zones.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9/_+-]*$/;

/** The area of a zone name (`America` for `America/Guatemala`), or null outside the list's areas. */
export function timeZoneArea(zone: string): TimeZoneArea | null {
  const [area, location] = zone.split('/');
  if (!location) return null;
  return TimeZoneAreas.find((known) => known === area) ?? null;
}

/**
 * The name to store for a zone the runtime knows: its canonical id as Intl resolves it (case
 * fixed, links such as `US/Pacific` followed), spelled as IANA does today. Undefined for
 * anything that is not an IANA zone name, including offsets and unknown names.
 */
export function canonicalTimeZone(zone: string): string | undefined {
  if (zone.length > 64 || !IANA_NAME.test(zone)) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  return LegacyTimeZoneNames[resolved] ?? resolved;
}

/**
 * Today's zones, one per place: the runtime's `Intl.supportedValuesOf('timeZone')` kept to
 * `Area/Location` names under the continents and oceans, old spellings renamed, plus UTC
 * (which Node 20 and Chromium leave out). This is the list people choose from; any other valid
 * zone is still accepted and kept (see TimeZoneSchema).
 */
export function listTimeZones(): string[] {
  const zones = new Set<string>([UTC_ZONE]);
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    if (timeZoneArea(zone) !== null) zones.add(LegacyTimeZoneNames[zone] ?? zone);
  }
  return [...zones];
}

/**
 * An IANA time zone, e.g. "America/Guatemala", stored under its canonical name (see
 * canonicalTimeZone): 400 `validation_failed` for an unknown name or an offset.
 */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => canonicalTimeZone(zone) !== undefined, {
    message: 'must be an IANA time zone name such as America/Guatemala',
    abort: true,
  })
  .overwrite((zone) => canonicalTimeZone(zone) ?? zone);
