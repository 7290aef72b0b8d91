import currencyCodes from 'currency-codes';
import { type CurrencyInfo } from '@mesa/shared';

/**
 * ISO 4217 currencies from `currency-codes` (the ISO list with each currency's minor digits).
 * Precious metals, testing and "no currency" codes and fund units are not money anyone pledges.
 */
const NOT_MONEY = new Set([
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XPD',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
  'BOV',
  'CHE',
  'CHW',
  'CLF',
  'COU',
  'MXV',
  'USN',
  'UYI',
  'UYW',
]);

const currencies: CurrencyInfo[] = currencyCodes.data
  .filter((c) => !NOT_MONEY.has(c.code))
  .map((c) => ({ code: c.code, digits: c.digits, name: c.currency }))
  .sort((a, b) => a.code.localeCompare(b.code));

const byCode = new Map(currencies.map((c) => [c.code, c]));

/** Every currency Mesa accepts, by code. */
export function listCurrencies(): CurrencyInfo[] {
  return currencies;
}

/** The minor digits of a currency Mesa accepts, or null for any other code. */
export function currencyDigits(code: string): number | null {
  return byCode.get(code)?.digits ?? null;
}
