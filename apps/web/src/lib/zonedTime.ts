/** The offset of `zone` from UTC at the instant `at`, in minutes (east positive). */
function offsetMinutes(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/**
 * The UTC instant (ISO) of a wall-clock date and time in a time zone: "2027-03-01" + "09:30"
 * in America/Guatemala → "2027-03-01T15:30:00.000Z". The offset is read at the guessed instant
 * and once more after correcting, so a time next to a daylight-saving change lands right; a
 * wall time that does not exist (skipped by the change) moves forward by the gap.
 */
export function zonedToUtc(date: string, time: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) return null;
  const wall = Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +clock[1]!, +clock[2]!);
  if (Number.isNaN(wall)) return null;
  const first = wall - offsetMinutes(new Date(wall), zone) * 60_000;
  const second = wall - offsetMinutes(new Date(first), zone) * 60_000;
  return new Date(second).toISOString();
}

/** The wall-clock date and time ("2027-03-01", "09:30") of an instant in a time zone. */
export function utcToZoned(iso: string, zone: string): { date: string; time: string } {
  const at = new Date(iso);
  const shifted = new Date(at.getTime() + offsetMinutes(at, zone) * 60_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** A day and a 24-hour time span of a meeting as one reader sees it. */
export interface LocalSpan {
  /** The start's date in the zone ("2027-03-10"). */
  date: string;
  /** Start and end times on the 24-hour clock ("14:00", "16:00"). */
  start: string;
  end: string;
  /** The end's date when it falls on another day in the zone, else null. */
  endDate: string | null;
}

/** A meeting's start and end read in one zone: "2027-03-10 14:00–16:00". */
export function localSpan(startsAt: string, endsAt: string, zone: string): LocalSpan {
  const start = utcToZoned(startsAt, zone);
  const end = utcToZoned(endsAt, zone);
  return {
    date: start.date,
    start: start.time,
    end: end.time,
    endDate: end.date === start.date ? null : end.date,
  };
}

/** The zone's offset from UTC at an instant as "UTC+01:00" / "UTC−05:00" ("UTC" at zero). */
export function utcOffsetLabel(iso: string, zone: string): string {
  const minutes = offsetMinutes(new Date(iso), zone);
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}
