import { describe, expect, it } from 'vitest';
import { localSpan, zonedToUtc } from '../../lib/zonedTime';
import { formatMeetingSpan, zoneLabel } from './meetingTime';

// One meeting at 18:00–20:00 UTC, before and after the daylight-saving changes of 2027:
// the United States move on 14 March, the European Union on 28 March, Japan never.
const before = { startsAt: '2027-03-10T18:00:00.000Z', endsAt: '2027-03-10T20:00:00.000Z' };
const between = { startsAt: '2027-03-20T18:00:00.000Z', endsAt: '2027-03-20T20:00:00.000Z' };
const after = { startsAt: '2027-03-31T18:00:00.000Z', endsAt: '2027-03-31T20:00:00.000Z' };

describe('a meeting at its readers’ local times', () => {
  it('shows Washington, Madrid and Tokyo their own times before any change', () => {
    expect(localSpan(before.startsAt, before.endsAt, 'America/New_York')).toEqual({
      date: '2027-03-10',
      start: '13:00',
      end: '15:00',
      endDate: null,
    });
    expect(localSpan(before.startsAt, before.endsAt, 'Europe/Madrid')).toEqual({
      date: '2027-03-10',
      start: '19:00',
      end: '21:00',
      endDate: null,
    });
    // Tokyo is on the next morning.
    expect(localSpan(before.startsAt, before.endsAt, 'Asia/Tokyo')).toEqual({
      date: '2027-03-11',
      start: '03:00',
      end: '05:00',
      endDate: null,
    });
  });

  it('moves Washington an hour once the United States changed, not Madrid or Tokyo', () => {
    expect(localSpan(between.startsAt, between.endsAt, 'America/New_York').start).toBe('14:00');
    expect(localSpan(between.startsAt, between.endsAt, 'Europe/Madrid').start).toBe('19:00');
    expect(localSpan(between.startsAt, between.endsAt, 'Asia/Tokyo').start).toBe('03:00');
  });

  it('moves Madrid too once Europe changed', () => {
    expect(localSpan(after.startsAt, after.endsAt, 'America/New_York').start).toBe('14:00');
    expect(localSpan(after.startsAt, after.endsAt, 'Europe/Madrid').start).toBe('20:00');
    expect(localSpan(after.startsAt, after.endsAt, 'Asia/Tokyo').start).toBe('03:00');
  });

  it('writes the span on the 24-hour clock with the zone and its offset that day', () => {
    expect(formatMeetingSpan(before.startsAt, before.endsAt, 'en', 'America/New_York')).toMatch(
      /Mar.*10.*2027, 13:00–15:00$/,
    );
    expect(zoneLabel(before.startsAt, 'America/New_York')).toBe('America/New_York, UTC−05:00');
    expect(zoneLabel(between.startsAt, 'America/New_York')).toBe('America/New_York, UTC−04:00');
    expect(zoneLabel(between.startsAt, 'Europe/Madrid')).toBe('Europe/Madrid, UTC+01:00');
    expect(zoneLabel(after.startsAt, 'Europe/Madrid')).toBe('Europe/Madrid, UTC+02:00');
    expect(zoneLabel(after.startsAt, 'Asia/Tokyo')).toBe('Asia/Tokyo, UTC+09:00');
  });

  it('names both days when the meeting ends on another day in the reader’s zone', () => {
    const late = { startsAt: '2027-03-10T13:00:00.000Z', endsAt: '2027-03-10T16:00:00.000Z' };
    expect(formatMeetingSpan(late.startsAt, late.endsAt, 'en', 'Asia/Tokyo')).toMatch(
      /22:00 – .*11.*, 01:00$/,
    );
  });
});

describe('a time entered in a zone', () => {
  it('becomes the right UTC instant on either side of each change', () => {
    expect(zonedToUtc('2027-03-10', '13:00', 'America/New_York')).toBe(before.startsAt);
    expect(zonedToUtc('2027-03-20', '14:00', 'America/New_York')).toBe(between.startsAt);
    expect(zonedToUtc('2027-03-10', '19:00', 'Europe/Madrid')).toBe(before.startsAt);
    expect(zonedToUtc('2027-03-31', '20:00', 'Europe/Madrid')).toBe(after.startsAt);
    expect(zonedToUtc('2027-03-11', '03:00', 'Asia/Tokyo')).toBe(before.startsAt);
  });
});
