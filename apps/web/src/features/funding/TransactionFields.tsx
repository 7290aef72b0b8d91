import { useTranslation } from 'react-i18next';
import { TransactionTypes, type CurrencyInfo, type TransactionType } from '@mesa/shared';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { AmountField } from './AmountField';
import { CurrencyPicker } from './CurrencyPicker';
import type { DraftProblems, TransactionDraft } from './recordForm';
import { typeLabel } from './labels';

/** Props of TransactionFields. */
export interface TransactionFieldsProps {
  /** The draft shown. */
  draft: TransactionDraft;
  /** A field changed. */
  onChange: (draft: TransactionDraft) => void;
  /** Currencies with their digits. */
  currencies: readonly CurrencyInfo[];
  /** Problems to show (after a submit). */
  problems: DraftProblems;
  /** Whether the form was submitted once (problems of untouched fields show then). */
  submitted: boolean;
  /** A field the server refused, with its sentence. */
  serverField?: { field: string; message: string };
}

/** The fields of a transaction: type, value date, currency, amount (checked live), note. */
export function TransactionFields({
  draft,
  onChange,
  currencies,
  problems,
  submitted,
  serverField,
}: TransactionFieldsProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<TransactionDraft>) => onChange({ ...draft, ...patch });
  const serverError = (field: string) =>
    serverField && serverField.field === field ? serverField.message : undefined;
  const currency = currencies.find((c) => c.code === draft.currency);
  return (
    <>
      <SelectField
        label={t('funding.transactions.type')}
        hint={t('funding.transactions.typeHint')}
        value={draft.type}
        onChange={(event) => set({ type: event.target.value as TransactionType })}
        options={TransactionTypes.map((type) => ({ value: type, label: typeLabel(t, type) }))}
      />
      <TextField
        label={t('funding.transactions.valueDate')}
        type="date"
        value={draft.valueDate}
        onChange={(event) => set({ valueDate: event.target.value })}
        error={
          submitted && problems.valueDate ? t('funding.errors.date') : serverError('valueDate')
        }
      />
      <CurrencyPicker
        label={t('funding.transactions.currency')}
        currencies={currencies}
        value={draft.currency}
        onChange={(code) => set({ currency: code })}
        error={
          submitted && problems.currency ? t('funding.errors.currency') : serverError('currency')
        }
      />
      <AmountField
        label={t('funding.transactions.amount')}
        value={draft.amount}
        onChange={(amount) => set({ amount })}
        currency={currency}
        showProblem={submitted}
        serverError={serverError('amount')}
      />
      <TextField
        label={t('funding.transactions.note')}
        value={draft.note}
        maxLength={1000}
        onChange={(event) => set({ note: event.target.value })}
      />
    </>
  );
}
