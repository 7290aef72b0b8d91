import type { Locale } from '@mesa/shared';

function formatter(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'shortOffset',
  });
}

/**
 * A date and time that no reader can misread, for the heading of an exported or printed plan:
 * the month in words, the 24-hour clock, the UTC offset and the zone's name
 * ("December 4, 2026 at 14:03 GMT-6 (America/Guatemala)", "4 de diciembre de 2026, 14:03
 * GMT-6 (America/Guatemala)"). An unknown zone falls back to UTC, and says so.
 */
export function formatExportDate(date: Date, locale: Locale, timeZone: string): string {
  let zone = timeZone;
  let format: Intl.DateTimeFormat;
  try {
    format = formatter(locale, zone);
  } catch {
    zone = 'UTC';
    format = formatter(locale, zone);
  }
  return `${format.format(date)} (${zone})`;
}
