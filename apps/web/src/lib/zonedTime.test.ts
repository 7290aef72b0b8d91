import { describe, expect, it } from 'vitest';
import { utcToZoned, zonedToUtc } from './zonedTime';

describe('zonedToUtc', () => {
  it('reads a wall-clock time in the admin’s zone as the right UTC instant', () => {
    expect(zonedToUtc('2027-03-01', '09:30', 'America/Guatemala')).toBe('2027-03-01T15:30:00.000Z');
    expect(zonedToUtc('2027-03-01', '09:30', 'Asia/Tokyo')).toBe('2027-03-01T00:30:00.000Z');
    expect(zonedToUtc('2027-03-01', '09:30', 'UTC')).toBe('2027-03-01T09:30:00.000Z');
  });

  it('follows daylight saving time on either side of the change', () => {
    // Madrid: UTC+1 in winter, UTC+2 from 28 March 2027.
    expect(zonedToUtc('2027-03-27', '12:00', 'Europe/Madrid')).toBe('2027-03-27T11:00:00.000Z');
    expect(zonedToUtc('2027-03-29', '12:00', 'Europe/Madrid')).toBe('2027-03-29T10:00:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    expect(zonedToUtc('tomorrow', '09:30', 'UTC')).toBeNull();
    expect(zonedToUtc('2027-03-01', '9', 'UTC')).toBeNull();
  });
});

describe('utcToZoned', () => {
  it('gives the wall-clock date and time of an instant in a zone', () => {
    expect(utcToZoned('2027-03-01T15:30:00.000Z', 'America/Guatemala')).toEqual({
      date: '2027-03-01',
      time: '09:30',
    });
  });
});
