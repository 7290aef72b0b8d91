import type { Locale } from '@mesa/shared';
import { localSpan, utcOffsetLabel } from '../../lib/zonedTime';

function formatDay(date: string, locale: Locale): string {
  // The wall-clock date is already in the reader's zone: format it as a UTC calendar day.
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * A meeting's start and end in one reader's zone on the 24-hour clock:
 * "Wed, 10 Mar 2027, 14:00–16:00", or with both days when it ends on another day there.
 */
export function formatMeetingSpan(
  startsAt: string,
  endsAt: string,
  locale: Locale,
  zone: string,
): string {
  const span = localSpan(startsAt, endsAt, zone);
  const day = formatDay(span.date, locale);
  if (span.endDate === null) return `${day}, ${span.start}–${span.end}`;
  return `${day}, ${span.start} – ${formatDay(span.endDate, locale)}, ${span.end}`;
}

/** The zone as shown next to a time: "Europe/Madrid, UTC+01:00" at that instant. */
export function zoneLabel(at: string, zone: string): string {
  return `${zone}, ${utcOffsetLabel(at, zone)}`;
}
