import { describe, expect, it } from 'vitest';
import { formatCountries, formatMoney } from './intl';

describe('formatMoney', () => {
  it('formats whole amounts without cents in the locale', () => {
    expect(formatMoney({ amount: '20000000', currency: 'USD' }, 'en')).toBe('$20,000,000');
  });

  it('keeps cents and uses Spanish separators in Spanish', () => {
    const text = formatMoney({ amount: '1500000.50', currency: 'EUR' }, 'es');
    expect(text.replace(/\s/g, ' ')).toBe('1.500.000,50 €');
  });

  it('does not round amounts beyond double precision', () => {
    expect(formatMoney({ amount: '999999999999999.99', currency: 'USD' }, 'en')).toBe(
      '$999,999,999,999,999.99',
    );
  });
});

describe('formatCountries', () => {
  it('names countries in the interface language', () => {
    expect(formatCountries(['DO', 'PA'], 'es')).toEqual(['República Dominicana', 'Panamá']);
    expect(formatCountries(['DO'], 'en')).toEqual(['Dominican Republic']);
  });
});
