import type { Locale } from '@mesa/shared';

/**
 * An exact decimal amount in its currency for the reader's locale, with the currency's own
 * digits (JPY none, USD two, KWD three). The string goes to Intl as is: no Number, no rounding.
 */
export function formatAmount(
  amount: string,
  currency: string,
  locale: Locale,
  digits?: number,
): string {
  try {
    const format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(digits === undefined
        ? {}
        : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    });
    return format.format(amount as `${number}`);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** A USD amount (two decimals) for the locale. */
export function formatUsd(amount: string, locale: Locale): string {
  return formatAmount(amount, 'USD', locale, 2);
}

/** A calendar date ("2026-03-12") in the locale, without shifting it through a time zone. */
export function formatFundingDate(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** Whether a decimal string is negative. */
export function isNegative(amount: string): boolean {
  return amount.startsWith('-');
}
