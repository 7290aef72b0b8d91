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

/** Joins names as a list in the locale ("A, B and C" / "A, B y C"). */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
