/**
 * Money without floating point. An amount is an integer count of its currency's minor units
 * (cents for USD, yen for JPY, fils for KWD), carried as a `bigint` in arithmetic and as an
 * exact decimal string ("1234.56") in the API. Exchange rates are decimal strings in units of
 * the currency per one US dollar. Conversion to USD is integer arithmetic rounding half to even.
 * How many minor digits a currency has comes from ISO 4217 (the server's `currency-codes`,
 * sent to the web with the currency list), so every function here takes `digits`.
 */

/** Minor digits of the US dollar, the currency every total is counted in. */
export const USD_DIGITS = 2;

/** The largest number of minor digits any ISO 4217 currency has (e.g. CLF, UYW: 4). */
export const MAX_CURRENCY_DIGITS = 4;

/** The most decimal places a rate may have. */
export const MAX_RATE_DECIMALS = 10;

/** The largest absolute amount in minor units Mesa accepts (a quadrillion; safe in every store). */
export const MAX_MINOR_UNITS = 10n ** 15n;

/** A decimal amount as the API writes it: optional minus, digits, optional fraction. */
export const DECIMAL_PATTERN = /^-?(0|[1-9]\d{0,17})(\.\d{1,4})?$/;

/** A rate as the API writes it: positive, at most 10 decimals. */
export const RATE_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,10})?$/;

/**
 * Parses a decimal string into minor units of a currency with `digits` decimals, exactly.
 * Returns null when it is not a decimal, has more decimals than the currency, or exceeds
 * `MAX_MINOR_UNITS`; "12.5" with 2 digits is 1250n; "1000" with 0 digits is 1000n.
 */
export function parseDecimal(amount: string, digits: number): bigint | null {
  if (!DECIMAL_PATTERN.test(amount)) return null;
  const negative = amount.startsWith('-');
  const unsigned = negative ? amount.slice(1) : amount;
  const [whole = '0', fraction = ''] = unsigned.split('.');
  if (fraction.length > digits) return null;
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  if (minor > MAX_MINOR_UNITS) return null;
  return negative ? -minor : minor;
}

/** Writes minor units as an exact decimal string with the currency's digits: 1250n, 2 → "12.50". */
export function formatMinor(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** A rate as a fraction: `numerator / 10^scale` units of the currency per USD. */
export interface ParsedRate {
  numerator: bigint;
  scale: number;
}

/** Parses a rate ("0.9215", "151.3") into a fraction; null when malformed or zero. */
export function parseRate(rate: string): ParsedRate | null {
  if (!RATE_PATTERN.test(rate)) return null;
  const [whole = '0', fraction = ''] = rate.split('.');
  const numerator = BigInt(whole + fraction);
  if (numerator === 0n) return null;
  return { numerator, scale: fraction.length };
}

/**
 * Integer division rounding half to even (banker's rounding), for any signs: 5n/2n → 2n,
 * 7n/2n → 4n, -5n/2n → -2n. The divisor must not be zero.
 */
export function divideHalfEven(numerator: bigint, divisor: bigint): bigint {
  if (divisor === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== divisor < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = divisor < 0n ? -divisor : divisor;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * Converts minor units of a currency with `digits` decimals into US cents at `rate` (units of
 * the currency per USD), rounding half to even once, at the end:
 * usdCents = amountMinor · 10^USD_DIGITS · 10^scale / (10^digits · numerator).
 * USD itself converts at rate "1" to the same number of cents.
 */
export function convertToUsdMinor(amountMinor: bigint, digits: number, rate: ParsedRate): bigint {
  const numerator = amountMinor * 10n ** BigInt(USD_DIGITS + rate.scale);
  const divisor = 10n ** BigInt(digits) * rate.numerator;
  return divideHalfEven(numerator, divisor);
}

/** Sums decimal strings of one currency exactly (e.g. USD totals from the API). */
export function sumDecimals(amounts: readonly string[], digits: number): string {
  let total = 0n;
  for (const amount of amounts) {
    const minor = parseDecimal(amount, digits);
    if (minor === null)
      throw new RangeError(`not a decimal amount with ${digits} digits: ${amount}`);
    total += minor;
  }
  return formatMinor(total, digits);
}
