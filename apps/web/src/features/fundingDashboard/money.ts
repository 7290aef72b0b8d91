import type { Locale } from '@mesa/shared';

/**
 * Formats an exact decimal string in its currency for the reader's locale, every digit kept
 * (Intl.NumberFormat takes the string itself: no floating-point rounding of money).
 */
export function formatAmount(amount: string, currency: string, locale: Locale): string {
  const decimals = amount.includes('.') ? (amount.split('.')[1]?.length ?? 0) : 0;
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return format.format(amount as `${number}`);
}

/** A USD amount ("1234.50") for the reader, without cents when they are zero. */
export function formatUsd(amount: string, locale: Locale): string {
  return formatAmount(amount.endsWith('.00') ? amount.slice(0, -3) : amount, 'USD', locale);
}

/** A decimal string as a number, for a bar's length only (a ratio of the chart, not money). */
export function barLength(amount: string): number {
  return Number(amount);
}
