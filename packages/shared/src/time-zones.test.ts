import { describe, expect, it } from 'vitest';
import {
  LegacyTimeZoneNames,
  TimeZoneAreas,
  TimeZoneSchema,
  canonicalTimeZone,
  listTimeZones,
  timeZoneArea,
} from './time-zones.js';

// Names people meet in other pickers that are links or fixed offsets, not today's zones.
const LEGACY = [
  'US/Pacific',
  'US/Eastern',
  'Canada/Atlantic',
  'Etc/GMT+5',
  'Etc/UTC',
  'EST5EDT',
  'GB',
  'Asia/Calcutta',
  'Europe/Kiev',
  'Asia/Saigon',
  'America/Buenos_Aires',
  'America/Godthab',
];

describe('listTimeZones', () => {
  const zones = listTimeZones();

  it('lists UTC and Area/Location names under the continents and oceans only', () => {
    expect(zones).toContain('UTC');
    for (const zone of zones.filter((z) => z !== 'UTC')) {
      expect(TimeZoneAreas, zone).toContain(timeZoneArea(zone));
    }
  });

  it('holds no legacy link, fixed offset or old spelling', () => {
    for (const legacy of [...LEGACY, ...Object.keys(LegacyTimeZoneNames)]) {
      expect(zones).not.toContain(legacy);
    }
  });

  it("uses IANA's current names where the engine keeps old ones", () => {
    for (const zone of ['Asia/Kolkata', 'Europe/Kyiv', 'America/Argentina/Buenos_Aires']) {
      expect(zones).toContain(zone);
    }
  });

  it('lists each zone once, and every one is usable as a timeZone', () => {
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.length).toBeGreaterThan(300);
    for (const zone of zones) expect(canonicalTimeZone(zone), zone).toBe(zone);
  });

  it('has the workspace’s cities', () => {
    for (const zone of [
      'America/Guatemala',
      'America/New_York',
      'America/Panama',
      'Europe/Madrid',
      'Europe/Brussels',
      'Asia/Tokyo',
    ]) {
      expect(zones).toContain(zone);
    }
  });
});

describe('canonicalTimeZone', () => {
  it('fixes the case, follows links and spells as IANA does today', () => {
    expect(canonicalTimeZone('america/guatemala')).toBe('America/Guatemala');
    expect(canonicalTimeZone('US/Pacific')).toBe('America/Los_Angeles');
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
  });

  it('refuses offsets, unknown names and non-names', () => {
    for (const zone of ['+05:00', '-06:00', 'Mars/Olympus', 'Factory', '', 'a'.repeat(65)]) {
      expect(canonicalTimeZone(zone), zone).toBeUndefined();
    }
  });
});

describe('TimeZoneSchema', () => {
  it('stores the canonical name', () => {
    expect(TimeZoneSchema.parse('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(TimeZoneSchema.parse('America/Guatemala')).toBe('America/Guatemala');
  });

  it('says what is wrong with an unknown zone', () => {
    const result = TimeZoneSchema.safeParse('Mars/Olympus');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/IANA time zone/);
  });
});
