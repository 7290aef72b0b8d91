import { describe, expect, it } from 'vitest';
import { checkAmount, normalizeAmount } from './amount';

describe('checkAmount', () => {
  it('takes whole yen and refuses yen with decimals (JPY has none)', () => {
    expect(checkAmount('150000000', 0)).toEqual({
      ok: true,
      minor: 150000000n,
      stored: '150000000',
    });
    expect(checkAmount('1500.5', 0)).toEqual({ ok: false, problem: 'noDecimals' });
  });

  it('stores US dollars with two decimals and refuses a third', () => {
    expect(checkAmount('1500.5', 2)).toEqual({ ok: true, minor: 150050n, stored: '1500.50' });
    expect(checkAmount('12', 2)).toMatchObject({ ok: true, stored: '12.00' });
    expect(checkAmount('1.005', 2)).toEqual({ ok: false, problem: 'tooManyDecimals' });
  });

  it('keeps three decimals for the Kuwaiti dinar', () => {
    expect(checkAmount('10.125', 3)).toMatchObject({ ok: true, minor: 10125n, stored: '10.125' });
    expect(checkAmount('10.1255', 3)).toEqual({ ok: false, problem: 'tooManyDecimals' });
  });

  it('keeps every digit up to the limit (no floating point on the way)', () => {
    expect(checkAmount('9999999999999.99', 2)).toMatchObject({
      minor: 999999999999999n,
      stored: '9999999999999.99',
    });
  });

  it('reads a lone comma as the decimal separator, refuses thousands separators and text', () => {
    expect(normalizeAmount('1 500,25')).toBe('1500.25');
    expect(checkAmount('1500,25', 2)).toMatchObject({ ok: true, stored: '1500.25' });
    expect(checkAmount('1.500,25', 2)).toEqual({ ok: false, problem: 'notNumber' });
    expect(checkAmount('12e3', 2)).toEqual({ ok: false, problem: 'notNumber' });
    expect(checkAmount('', 2)).toEqual({ ok: false, problem: 'empty' });
  });

  it('accepts trailing zero decimals of a currency without decimals as the whole amount', () => {
    expect(checkAmount('1500.00', 0)).toMatchObject({ ok: true, stored: '1500' });
  });

  it('refuses amounts over the limit', () => {
    expect(checkAmount('10000000000000000', 2)).toEqual({ ok: false, problem: 'tooLarge' });
  });
});
