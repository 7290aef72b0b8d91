/** Milliseconds as a clock, "mm:ss" (minutes past 59 keep counting: "75:00"). */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** The server's clock now, from the local clock and the offset measured on the last state. */
export function serverNowMs(localNowMs: number, offsetMs: number): number {
  return localNowMs + offsetMs;
}

/** The clock offset a state implies: the server's `serverNow` less the local time it arrived. */
export function clockOffsetMs(serverNow: string, receivedAtMs: number): number {
  return Date.parse(serverNow) - receivedAtMs;
}

/** A countdown against a planned length: what is left, or by how much it is over. */
export interface Countdown {
  /** Milliseconds left (0 once over). */
  remainingMs: number;
  /** Milliseconds past the planned length (0 while within). */
  overMs: number;
  /** Whether the planned length has passed. */
  overrun: boolean;
}

/**
 * The countdown of something started at `startedAt` (server time) and planned for
 * `plannedMinutes`, at the server's time `nowMs`. Whole seconds, so every client agrees.
 */
export function countdown(startedAt: string, plannedMinutes: number, nowMs: number): Countdown {
  const elapsed = Math.max(0, nowMs - Date.parse(startedAt));
  const planned = plannedMinutes * 60_000;
  const overrun = elapsed > planned;
  // A countdown shows the second it is in (00:01 until it reaches zero), an overrun the seconds past.
  return {
    remainingMs: overrun ? 0 : Math.ceil((planned - elapsed) / 1000) * 1000,
    overMs: overrun ? elapsed - planned : 0,
    overrun,
  };
}

/** Time since `startedAt` (server time) at the server's time `nowMs`, never negative. */
export function elapsedMs(startedAt: string, nowMs: number): number {
  return Math.max(0, nowMs - Date.parse(startedAt));
}
