import { describe, expect, it } from 'vitest';
import {
  convertToUsdMinor,
  divideHalfEven,
  formatMinor,
  parseDecimal,
  parseRate,
  sumDecimals,
} from './money.js';

function rate(text: string) {
  const parsed = parseRate(text);
  if (!parsed) throw new Error(`bad rate ${text}`);
  return parsed;
}

describe('money', () => {
  it('reads amounts in each currency’s minor units exactly', () => {
    expect(parseDecimal('12.5', 2)).toBe(1250n);
    expect(parseDecimal('1000', 0)).toBe(1000n); // JPY has no decimals
    expect(parseDecimal('1.234', 3)).toBe(1234n); // KWD has three
    expect(parseDecimal('0.1', 2)).toBe(10n);
    expect(parseDecimal('-3.05', 2)).toBe(-305n);
    expect(parseDecimal('20000000', 2)).toBe(2_000_000_000n);
  });

  it('refuses what is not an amount of that currency', () => {
    expect(parseDecimal('1.5', 0)).toBeNull(); // no half yen
    expect(parseDecimal('1.999', 2)).toBeNull();
    expect(parseDecimal('1e6', 2)).toBeNull();
    expect(parseDecimal('1,000', 2)).toBeNull();
    expect(parseDecimal('01', 2)).toBeNull();
    expect(parseDecimal('', 2)).toBeNull();
    expect(parseDecimal('10000000000001', 2)).toBeNull(); // over 10^15 minor units
  });

  it('writes minor units back with the currency’s digits', () => {
    expect(formatMinor(1250n, 2)).toBe('12.50');
    expect(formatMinor(5n, 2)).toBe('0.05');
    expect(formatMinor(-5n, 3)).toBe('-0.005');
    expect(formatMinor(1000n, 0)).toBe('1000');
  });

  it('rounds half to even', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n);
    expect(divideHalfEven(7n, 2n)).toBe(4n);
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(-7n, 2n)).toBe(-4n);
    expect(divideHalfEven(10n, 3n)).toBe(3n);
    expect(divideHalfEven(11n, 3n)).toBe(4n);
  });

  it('converts to US cents at a rate in units per dollar', () => {
    // 20,000,000.00 EUR at 0.92 EUR per USD = 21,739,130.434… USD → 21,739,130.43
    expect(convertToUsdMinor(2_000_000_000n, 2, rate('0.92'))).toBe(2_173_913_043n);
    // 1,000,000 JPY at 151.3 JPY per USD = 6,609.3853… USD → 6,609.39
    expect(convertToUsdMinor(1_000_000n, 0, rate('151.3'))).toBe(660_939n);
    // USD at 1 stays as it is
    expect(convertToUsdMinor(123_456n, 2, rate('1'))).toBe(123_456n);
    // Exactly half a cent rounds to the even cent: 0.125 USD → 0.12, 0.135 → 0.14
    expect(convertToUsdMinor(125n, 3, rate('1'))).toBe(12n);
    expect(convertToUsdMinor(135n, 3, rate('1'))).toBe(14n);
  });

  it('refuses malformed or zero rates', () => {
    expect(parseRate('0')).toBeNull();
    expect(parseRate('-1')).toBeNull();
    expect(parseRate('1.12345678901')).toBeNull();
    expect(parseRate('abc')).toBeNull();
    expect(parseRate('0.9215')).toEqual({ numerator: 9215n, scale: 4 });
  });

  it('sums decimal strings exactly where floating point would not', () => {
    expect(sumDecimals(['0.10', '0.20'], 2)).toBe('0.30');
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDecimals([], 2)).toBe('0.00');
  });
});
