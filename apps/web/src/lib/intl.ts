import type { Locale, Money } from '@mesa/shared';

/** Formats a decimal-string amount in its currency for the locale, without rounding it. */
export function formatMoney(money: Money, locale: Locale): string {
  const hasCents = money.amount.includes('.');
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: hasCents ? 2 : 0,
    maximumFractionDigits: 2,
  });
  // Passing the string keeps every digit; a Number would round amounts past 2^53.
  return format.format(money.amount as `${number}`);
}

/** Names ISO 3166-1 alpha-2 codes in the locale; an unknown code is shown as the code itself. */
export function formatCountries(codes: readonly string[], locale: Locale): string[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return codes.map((code) => names.of(code) ?? code);
}

/** The browser's own time zone, used until the signed-in person's is known. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A date and time in the person's own time zone, on the 24-hour clock ("12 Mar 2026, 14:05");
 * an unknown zone falls back to the browser's.
 */
export function formatDateTime(iso: string, locale: Locale, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
  }
}

/** A time of day in the locale and time zone, on the 24-hour clock. */
export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}
