import type { TimeZoneChoice, TimeZoneGroup } from './timeZones';

// Case, accents, underscores and the true minus sign do not matter: "mexico" finds "México",
// "los angeles" finds America/Los_Angeles, "-6" finds "UTC−06:00".
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('\u2212', '-')
    .replace(/[_/,]/g, ' ');
}

// The ways people type an offset: "-06:00", "-6:00", "-0600" (and so "-6", "-06" as prefixes).
function offsetSpellings(minutes: number): string[] {
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = String(Math.abs(minutes) % 60).padStart(2, '0');
  const padded = String(hours).padStart(2, '0');
  return [`${sign}${padded}:${rest}`, `${sign}${hours}:${rest}`, `${sign}${padded}${rest}`];
}

// Choices are cached per language (lib/timeZones.ts), so their text is worked out once, not on
// every keystroke.
const texts = new WeakMap<TimeZoneChoice, string>();

function searchText(choice: TimeZoneChoice, regionLabel: string): string {
  let text = texts.get(choice);
  if (text === undefined) {
    const words = [choice.id, choice.place, regionLabel, choice.zoneName];
    text = normalize([...words, ...offsetSpellings(choice.offsetMinutes)].join(' '));
    texts.set(choice, text);
  }
  return text;
}

/** The words of a query; "UTC+5" and "GMT -6" become the offsets "+5" and "-6". */
export function queryTerms(query: string): string[] {
  const bare = normalize(query).replace(/\b(utc|gmt)\s*(?=[+-]\d)/g, '');
  return bare.split(/\s+/).filter(Boolean);
}

/**
 * The groups holding only the choices that match every word of the query — in the city, the
 * IANA name, the region, the zone's localized name or the offset. A region named by the query
 * comes first ("europ" lists Europe before Africa's "Western European Time"). An empty query
 * keeps all.
 */
export function filterTimeZoneGroups(
  groups: readonly TimeZoneGroup[],
  query: string,
): TimeZoneGroup[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [...groups];
  const named = (group: TimeZoneGroup) => {
    const label = normalize(group.label);
    return terms.every((term) => label.includes(term)) ? 0 : 1;
  };
  return groups
    .map((group) => ({
      ...group,
      choices: group.choices.filter((choice) => {
        const text = searchText(choice, group.label);
        return terms.every((term) => text.includes(term));
      }),
    }))
    .filter((group) => group.choices.length > 0)
    .sort((a, b) => named(a) - named(b));
}
