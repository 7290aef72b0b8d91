import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CurrencyInfo, FundingTransaction } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { formatAmount, formatFundingDate, formatUsd } from './format';
import { typeLabel } from './labels';

/** Props of TransactionTable. */
export interface TransactionTableProps {
  /** The table's caption (names it for screen readers). */
  caption: string;
  /** The transactions, as the server orders them. */
  transactions: readonly FundingTransaction[];
  /** Currencies with their digits, once loaded (the amount keeps its own digits until then). */
  currencies?: readonly CurrencyInfo[];
  /** Whether "no rate" links to the rates page (people who manage rates). */
  linkRates?: boolean;
  /** Explains "no rate" in a sentence under the amount. */
  explainNoRate?: boolean;
  /** The actions of one row (edit, delete, confirm), when the reader may act. */
  actions?: (transaction: FundingTransaction) => ReactNode;
}

/**
 * A record's transactions: type, value date, the amount in its currency with that currency's
 * digits, its USD value and the rate used — or "no rate" — and whether it is confirmed.
 */
export function TransactionTable({
  caption,
  transactions,
  currencies,
  linkRates = false,
  explainNoRate = false,
  actions,
}: TransactionTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const digitsOf = (code: string) => currencies?.find((c) => c.code === code)?.digits;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="funding-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('funding.transactions.type')}</th>
            <th scope="col">{t('funding.transactions.valueDate')}</th>
            <th scope="col" className="funding-table__number">
              {t('funding.transactions.amount')}
            </th>
            <th scope="col" className="funding-table__number">
              {t('funding.transactions.usd')}
            </th>
            <th scope="col">{t('funding.transactions.confirmed')}</th>
            {actions ? <th scope="col">{t('funding.transactions.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {transactions.map((tx) => (
            <tr key={tx.id}>
              <th scope="row">{typeLabel(t, tx.type)}</th>
              <td>{formatFundingDate(tx.valueDate, locale)}</td>
              <td className="funding-table__number">
                {formatAmount(tx.amount, tx.currency, locale, digitsOf(tx.currency))}
              </td>
              <td className="funding-table__number">
                {tx.usd !== null && tx.rate ? (
                  <>
                    {formatUsd(tx.usd, locale)}
                    <span className="funding-table__rate">
                      {tx.currency === 'USD'
                        ? ''
                        : `${t('funding.transactions.rateLabel')}: ${tx.rate.rate} ${tx.currency}/USD, ${formatFundingDate(tx.rate.date, locale)}, ${tx.rate.source}`}
                    </span>
                  </>
                ) : (
                  <>
                    <span className="funding-no-rate">{t('funding.transactions.noRate')}</span>
                    {explainNoRate ? (
                      <span className="funding-table__rate">
                        {t('funding.transactions.noRateWhy', { name: tx.currency })}{' '}
                        {linkRates ? (
                          <Link to="/funding/rates">{t('funding.transactions.addRate')}</Link>
                        ) : null}
                      </span>
                    ) : null}
                  </>
                )}
              </td>
              <td>
                {tx.confirmedBy && tx.confirmedAt
                  ? t('funding.transactions.confirmedBy', { name: tx.confirmedBy.name })
                  : t('funding.transactions.notConfirmed')}
              </td>
              {actions ? <td className="funding-table__actions">{actions(tx)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
