import { z } from 'zod';

/** ISO 4217 currency code. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');

/** An amount of money; `amount` is a decimal string so no precision is lost. */
export const MoneySchema = z.object({
  /** Decimal amount, e.g. "20000000" or "1500000.50". */
  amount: z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, 'must be a decimal amount'),
  /** ISO 4217 currency. */
  currency: CurrencySchema,
});

/** An amount of money. */
export type Money = z.infer<typeof MoneySchema>;
