import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommitmentRecord, CurrencyInfo, FundingTransaction } from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { useFormFocus } from '../../hooks/useFormFocus';
import { ApiError } from '../../lib/api';
import { addTransaction, updateTransaction } from '../../lib/fundingApi';
import { fundingKeys } from './queryKeys';
import { transactionInput, transactionProblems, type TransactionDraft } from './recordForm';
import { TransactionFields } from './TransactionFields';
import { useFundingErrorText } from './fundingErrors';

/** Props of TransactionForm. */
export interface TransactionFormProps {
  recordId: string;
  /** The transaction edited; absent to add one. */
  transaction?: FundingTransaction;
  currencies: readonly CurrencyInfo[];
  /** Closes the form: saved, or cancelled. */
  onDone: (saved: boolean) => void;
}

function draftOf(transaction: FundingTransaction | undefined): TransactionDraft {
  return transaction
    ? {
        type: transaction.type,
        valueDate: transaction.valueDate,
        amount: transaction.amount,
        currency: transaction.currency,
        note: transaction.note,
      }
    : {
        type: 'commitment',
        valueDate: new Date().toISOString().slice(0, 10),
        amount: '',
        currency: 'USD',
        note: '',
      };
}

/**
 * Adds a transaction or edits one against its revision. A 409 (someone changed it first) keeps
 * the person's values and says so; saving again uses the revision stored now.
 */
export function TransactionForm({
  recordId,
  transaction,
  currencies,
  onDone,
}: TransactionFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useFundingErrorText();
  const { formRef, alertRef, failed } = useFormFocus();
  const [draft, setDraft] = useState(() => draftOf(transaction));
  const [revision, setRevision] = useState(transaction?.revision ?? 1);
  const [submitted, setSubmitted] = useState(false);
  const [alert, setAlert] = useState<string>();
  const [serverField, setServerField] = useState<{ field: string; message: string }>();
  const problems = transactionProblems(draft, currencies);
  // Opened from a button: the keyboard continues in the form's first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [formRef]);
  const store = (record: CommitmentRecord) => {
    queryClient.setQueryData(fundingKeys.record(recordId), record);
    void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
  };
  const save = useMutation({
    mutationFn: async () => {
      const input = transactionInput(draft, currencies);
      if (!transaction) return { saved: await addTransaction(recordId, input) };
      return updateTransaction(recordId, transaction.id, { ...input, revision });
    },
    onSuccess: (outcome) => {
      if ('stale' in outcome) {
        store(outcome.stale);
        const now = outcome.stale.transactions.find((tx) => tx.id === transaction?.id);
        if (now) setRevision(now.revision);
        setAlert(now ? t('funding.edit.transactionConflict') : t('funding.edit.transactionGone'));
        failed();
        return;
      }
      store(outcome.saved);
      onDone(true);
    },
    onError: (error) => {
      setAlert(errorText(error));
      if (error instanceof ApiError && error.field) {
        setServerField({ field: error.field, message: error.message });
      }
      failed();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setServerField(undefined);
    if (Object.keys(problems).length > 0) {
      setAlert(t('funding.form.fix'));
      failed();
      return;
    }
    setAlert(undefined);
    save.mutate();
  };
  const heading = transaction
    ? t('funding.transactions.editTitle')
    : t('funding.transactions.addTitle');
  return (
    <form
      ref={formRef}
      className="form funding-form funding-transaction-form"
      noValidate
      onSubmit={submit}
      aria-label={heading}
    >
      <h3>{heading}</h3>
      <FormAlert ref={alertRef} message={alert} />
      <TransactionFields
        draft={draft}
        onChange={setDraft}
        currencies={currencies}
        problems={problems}
        submitted={submitted}
        serverField={serverField}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending
            ? t('funding.form.saving')
            : transaction
              ? t('funding.transactions.save')
              : t('funding.transactions.add')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('funding.form.cancel')}
        </button>
      </div>
    </form>
  );
}
