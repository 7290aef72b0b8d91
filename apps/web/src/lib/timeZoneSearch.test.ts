import { describe, expect, it } from 'vitest';
import type { Locale } from '@mesa/shared';
import { filterTimeZoneGroups, queryTerms } from './timeZoneSearch';
import { describeTimeZones, groupTimeZones, type TimeZoneRegion } from './timeZones';

const JANUARY = new Date('2026-01-15T12:00:00Z');
const spanishRegions: Partial<Record<TimeZoneRegion, string>> = { Europe: 'Europa' };

const groups = {
  en: groupTimeZones(describeTimeZones('en', JANUARY), 'en', (region) => region),
  es: groupTimeZones(
    describeTimeZones('es', JANUARY),
    'es',
    (region) => spanishRegions[region] ?? region,
  ),
};

function search(query: string, locale: Locale = 'en'): string[] {
  const found = filterTimeZoneGroups(groups[locale], query);
  return found.flatMap((group) => group.choices.map((choice) => choice.id));
}

describe('filterTimeZoneGroups', () => {
  it('finds a city by the start of its name, in any case', () => {
    expect(search('guat')).toEqual(['America/Guatemala']);
    expect(search('LOS ANG')).toEqual(['America/Los_Angeles']);
  });

  it('finds zones by offset typed in the usual ways', () => {
    for (const query of ['-6', 'UTC-6', 'utc −06:00', 'GMT-0600']) {
      expect(search(query), query).toContain('America/Guatemala');
      expect(search(query), query).not.toContain('America/New_York');
    }
    expect(search('+5:30')).toEqual(['Asia/Colombo', 'Asia/Kolkata']);
  });

  it('finds zones by region and by the zone’s localized name', () => {
    expect(search('europa madrid', 'es')).toEqual(['Europe/Madrid']);
    expect(search('Pacific Time')).toContain('America/Los_Angeles');
    expect(search('Japón', 'es')).toEqual(['Asia/Tokyo']);
  });

  it('lists first the region the query names', () => {
    const found = filterTimeZoneGroups(groups.en, 'europ');
    expect(found[0]?.region).toBe('Europe');
    expect(found.map((group) => group.region)).toContain('Africa');
  });

  it('finds zones by IANA name', () => {
    const found = search('America/Argentina');
    expect(found.length).toBeGreaterThan(5);
    expect(found.every((id) => id.startsWith('America/Argentina/'))).toBe(true);
  });

  it('keeps everything for an empty query, and nothing for a non-place', () => {
    expect(search('   ').length).toBeGreaterThan(300);
    expect(search('atlantis')).toEqual([]);
  });
});

describe('queryTerms', () => {
  it('reads "UTC +5" as the offset +5', () => {
    expect(queryTerms('UTC +5')).toEqual(['+5']);
    expect(queryTerms('São  Paulo')).toEqual(['sao', 'paulo']);
  });
});
