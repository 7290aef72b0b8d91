import { describe, expect, it } from 'vitest';
import { LegacyTimeZoneNames, TimeZoneAreas } from '@mesa/shared';
import {
  describeTimeZone,
  describeTimeZones,
  formatUtcOffset,
  groupTimeZones,
  timeZoneLabel,
  type TimeZoneRegion,
} from './timeZones';

const JANUARY = new Date('2026-01-15T12:00:00Z');
const JULY = new Date('2026-07-15T12:00:00Z');
const regionLabel = (region: TimeZoneRegion) => `region ${region}`;

describe('formatUtcOffset', () => {
  it('writes offsets as UTC±hh:mm with a true minus sign', () => {
    expect(formatUtcOffset(-360)).toBe('UTC\u221206:00');
    expect(formatUtcOffset(330)).toBe('UTC+05:30');
    expect(formatUtcOffset(345)).toBe('UTC+05:45');
    expect(formatUtcOffset(0)).toBe('UTC+00:00');
  });
});

describe('describeTimeZone', () => {
  it('gives the place, today’s offset and the localized zone name', () => {
    const guatemala = describeTimeZone('America/Guatemala', 'es', JANUARY);
    expect(guatemala).toMatchObject({
      id: 'America/Guatemala',
      region: 'America',
      place: 'Guatemala',
      offsetMinutes: -360,
      offset: 'UTC\u221206:00',
    });
    expect(guatemala.zoneName).toMatch(/central/);
    expect(timeZoneLabel(guatemala)).toBe('UTC\u221206:00 Guatemala');
  });

  it('follows daylight saving time on the day asked', () => {
    expect(describeTimeZone('America/New_York', 'en', JANUARY).offset).toBe('UTC\u221205:00');
    expect(describeTimeZone('America/New_York', 'en', JULY).offset).toBe('UTC\u221204:00');
    expect(describeTimeZone('Europe/Madrid', 'en', JULY).offset).toBe('UTC+02:00');
  });

  it('describes a zone this browser does not know by its name alone, without failing', () => {
    const unknown = describeTimeZone('Mars/Olympus_Mons', 'en', JANUARY);
    expect(unknown).toMatchObject({ place: 'Olympus Mons', offset: '', zoneName: '' });
    expect(timeZoneLabel(unknown)).toBe('Olympus Mons');
  });

  it('writes places with spaces and their state', () => {
    expect(describeTimeZone('America/Los_Angeles', 'en', JANUARY).place).toBe('Los Angeles');
    expect(describeTimeZone('America/Indiana/Knox', 'en', JANUARY).place).toBe('Knox, Indiana');
    expect(describeTimeZone('Asia/Kolkata', 'en', JANUARY).offset).toBe('UTC+05:30');
  });
});

describe('describeTimeZones', () => {
  const zones = describeTimeZones('en', JANUARY);
  const ids = zones.map((zone) => zone.id);

  it('lists no legacy link, fixed offset or old spelling', () => {
    for (const id of ids) {
      expect(id === 'UTC' || /^[A-Z][a-z]+\/[A-Z]/.test(id), id).toBe(true);
    }
    for (const legacy of ['US/Pacific', 'Etc/GMT+5', 'Canada/Eastern', 'EST5EDT']) {
      expect(ids).not.toContain(legacy);
    }
    for (const legacy of Object.keys(LegacyTimeZoneNames)) expect(ids).not.toContain(legacy);
  });

  it('puts every zone in a continent or ocean, and UTC apart', () => {
    for (const zone of zones) {
      if (zone.id === 'UTC') expect(zone.region).toBe('utc');
      else expect(TimeZoneAreas).toContain(zone.region);
    }
  });
});

describe('groupTimeZones', () => {
  const groups = groupTimeZones(describeTimeZones('en', JANUARY), 'en', regionLabel);

  it('lists UTC first, then the regions by name', () => {
    expect(groups[0]?.region).toBe('utc');
    const labels = groups.slice(1).map((group) => group.label);
    expect(labels).toEqual([...labels].sort());
    expect(groups.map((group) => group.region)).toEqual(
      expect.arrayContaining(['America', 'Europe', 'Asia', 'Africa', 'Pacific']),
    );
  });

  it('orders each region by offset, then by place', () => {
    for (const group of groups) {
      const offsets = group.choices.map((choice) => choice.offsetMinutes);
      expect(offsets, group.region).toEqual([...offsets].sort((a, b) => a - b));
    }
    const america = groups.find((group) => group.region === 'America')!;
    const guatemala = america.choices.findIndex((choice) => choice.id === 'America/Guatemala');
    const newYork = america.choices.findIndex((choice) => choice.id === 'America/New_York');
    expect(guatemala).toBeLessThan(newYork);
  });

  it('puts a kept unlisted zone first', () => {
    const kept = { ...describeTimeZone('Etc/GMT+5', 'en', JANUARY), region: 'other' as const };
    const withKept = groupTimeZones([kept, ...describeTimeZones('en', JANUARY)], 'en', regionLabel);
    expect(withKept[0]).toMatchObject({ region: 'other', choices: [{ id: 'Etc/GMT+5' }] });
    expect(kept.offset).toBe('UTC\u221205:00');
  });
});
