import { describe, expect, it } from 'vitest';
import { clockOffsetMs, countdown, formatClock, serverNowMs } from './roomClock';

describe('room clock', () => {
  it('formats minutes and seconds with two digits, past an hour too', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(133_000)).toBe('02:13');
    expect(formatClock(75 * 60_000)).toBe('75:00');
  });

  it('counts down from the server start using the clock offset, not the local clock', () => {
    // The local clock is 90 s behind the server's.
    const offset = clockOffsetMs(
      '2026-12-06T15:12:00.000Z',
      Date.parse('2026-12-06T15:10:30.000Z'),
    );
    expect(offset).toBe(90_000);
    const now = serverNowMs(Date.parse('2026-12-06T15:10:30.000Z'), offset);
    const clock = countdown('2026-12-06T15:10:00.000Z', 10, now);
    expect(clock.overrun).toBe(false);
    expect(formatClock(clock.remainingMs)).toBe('08:00');
  });

  it('shows the second it is in while counting down', () => {
    const clock = countdown('2026-12-06T15:10:00.000Z', 1, Date.parse('2026-12-06T15:10:59.400Z'));
    expect(formatClock(clock.remainingMs)).toBe('00:01');
  });

  it('reports an overrun as the time past the planned length', () => {
    const now = serverNowMs(Date.parse('2026-12-06T15:20:13.000Z') - 60_000, 60_000);
    const clock = countdown('2026-12-06T15:08:00.000Z', 10, now);
    expect(clock.overrun).toBe(true);
    expect(clock.remainingMs).toBe(0);
    expect(formatClock(clock.overMs)).toBe('02:13');
  });
});
