/** Every IANA time zone the browser knows, with `current` kept even when it is not listed (UTC). */
export function timeZoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
