import type { Kysely } from 'kysely';
import { convertToUsdMinor, formatMinor, parseRate, USD_DIGITS } from '@mesa/shared';
import type { Database } from '../../db/schema.js';
import { currencyDigits } from './currencies.js';
import { findRateOnOrBefore } from './funding.repository.js';

/** How a transaction converts to USD: the value and the rate used, or nulls for "no rate". */
export interface Conversion {
  usd_minor: bigint | null;
  rate: string | null;
  rate_date: string | null;
  rate_source: string | null;
}

/** The rate source written for amounts already in US dollars. */
export const USD_RATE_SOURCE = 'USD';

/**
 * Converts an amount at the rate of its currency on or before the value date (docs/funding.md):
 * BigInt arithmetic, half to even. USD converts at "1" on its own date; a currency without a
 * rate then gives nulls — listed, never guessed. Throws for a currency Mesa does not accept
 * (callers validate first).
 */
export async function convertAmount(
  db: Kysely<Database>,
  amount: { amountMinor: bigint; currency: string; valueDate: string },
): Promise<Conversion> {
  const digits = currencyDigits(amount.currency);
  if (digits === null) throw new RangeError(`not an accepted currency: ${amount.currency}`);
  if (amount.currency === 'USD') {
    return {
      usd_minor: amount.amountMinor,
      rate: '1',
      rate_date: amount.valueDate,
      rate_source: USD_RATE_SOURCE,
    };
  }
  const row = await findRateOnOrBefore(db, amount.currency, amount.valueDate);
  const rate = row ? parseRate(row.rate) : null;
  if (!row || !rate) return { usd_minor: null, rate: null, rate_date: null, rate_source: null };
  return {
    usd_minor: convertToUsdMinor(amount.amountMinor, digits, rate),
    rate: row.rate,
    rate_date: row.rate_date,
    rate_source: row.source,
  };
}

/** A USD amount in cents as the API's decimal string. */
export function usdText(minor: bigint): string {
  return formatMinor(minor, USD_DIGITS);
}
