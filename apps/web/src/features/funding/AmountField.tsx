import { useTranslation } from 'react-i18next';
import type { CurrencyInfo } from '@mesa/shared';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/useLocale';
import { checkAmount, type AmountCheck } from './amount';
import { formatAmount } from './format';

/** Props of AmountField. */
export interface AmountFieldProps {
  /** Visible label. */
  label: string;
  /** What the person typed. */
  value: string;
  /** The text changed. */
  onChange: (text: string) => void;
  /** The amount's currency, once chosen (its digits decide what is accepted). */
  currency: CurrencyInfo | undefined;
  /** Show the problem even before the field was left (after a submit). */
  showProblem: boolean;
  /** A problem the server named. */
  serverError?: string;
}

/** The sentence for an amount's problem, in the interface language. */
export function useAmountProblem(): (check: AmountCheck, currency: CurrencyInfo) => string {
  const { t } = useTranslation();
  return (check, currency) => {
    if (check.ok) return '';
    switch (check.problem) {
      case 'empty':
        return t('funding.amount.empty');
      case 'notNumber':
        return t('funding.amount.notNumber');
      case 'noDecimals':
        return t('funding.amount.noDecimals', { name: currency.code });
      case 'tooManyDecimals':
        return t('funding.amount.tooManyDecimals', {
          name: currency.code,
          count: currency.digits,
        });
      default:
        return t('funding.amount.tooLarge');
    }
  };
}

/**
 * An amount in a currency, checked as it is typed with the currency's digits (the shared
 * `parseDecimal`: exact, no floating point) and shown as it will be stored.
 */
export function AmountField({
  label,
  value,
  onChange,
  currency,
  showProblem,
  serverError,
}: AmountFieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const problemText = useAmountProblem();
  const check = currency ? checkAmount(value, currency.digits) : null;
  const typed = value.trim() !== '';
  const problem =
    check && !check.ok && (typed || showProblem) ? problemText(check, currency!) : undefined;
  const hint = currency
    ? currency.digits === 0
      ? t('funding.amount.hintWhole', { name: currency.code })
      : t('funding.amount.hintDigits', { name: currency.code, count: currency.digits })
    : t('funding.amount.hintNoCurrency');
  return (
    <div className="amount-field">
      <TextField
        label={label}
        hint={hint}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={problem ?? serverError}
      />
      <p className="amount-field__preview" aria-live="polite">
        {check?.ok && currency ? (
          <>
            {t('funding.amount.stored')}{' '}
            <strong>{formatAmount(check.stored, currency.code, locale, currency.digits)}</strong>
          </>
        ) : null}
      </p>
    </div>
  );
}
