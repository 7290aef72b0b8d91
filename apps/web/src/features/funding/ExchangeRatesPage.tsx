import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseRate, type CurrencyInfo, type ExchangeRate, type FileProblem } from '@mesa/shared';
import './funding.css';
import { Card } from '../../components/Card';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { TextField } from '../../components/TextField';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormFocus } from '../../hooks/useFormFocus';
import { useLocale } from '../../i18n/useLocale';
import { deleteRate, importProblems, importRates, putRate } from '../../lib/fundingApi';
import { formatDateTime } from '../../lib/intl';
import { useMe } from '../auth/useMe';
import { CurrencyPicker } from './CurrencyPicker';
import { formatFundingDate } from './format';
import { useFundingErrorText } from './fundingErrors';
import { fundingKeys } from './queryKeys';
import { useCurrencies, useLiveFunding, useRates } from './useFunding';

interface RateDraft {
  currency: string;
  date: string;
  rate: string;
  source: string;
}

/** Why a rate draft cannot be sent, by field; empty when it can. */
export function rateProblems(draft: RateDraft): Partial<Record<keyof RateDraft, string>> {
  const problems: Partial<Record<keyof RateDraft, string>> = {};
  if (!/^[A-Z]{3}$/.test(draft.currency) || draft.currency === 'USD')
    problems.currency = 'currency';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.date = 'date';
  if (parseRate(draft.rate.trim()) === null) problems.rate = 'rate';
  if (draft.source.trim() === '') problems.source = 'required';
  else if (draft.source.trim().length > 300) problems.source = 'tooLong';
  return problems;
}

function RateForm({
  currencies,
  draft,
  setDraft,
  onSaved,
}: {
  currencies: readonly CurrencyInfo[];
  draft: RateDraft;
  setDraft: (draft: RateDraft) => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useFundingErrorText();
  const { formRef, alertRef, failed } = useFormFocus();
  const [submitted, setSubmitted] = useState(false);
  const [alert, setAlert] = useState<string>();
  const problems = submitted ? rateProblems(draft) : {};
  const others = useMemo(() => currencies.filter((c) => c.code !== 'USD'), [currencies]);
  const save = useMutation({
    mutationFn: () =>
      putRate({
        currency: draft.currency,
        date: draft.date,
        rate: draft.rate.trim(),
        source: draft.source.trim(),
      }),
    onSuccess: (reply) => {
      void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
      setSubmitted(false);
      setAlert(undefined);
      onSaved(t('funding.rates.saved', { count: reply.reconverted }));
    },
    onError: (error) => {
      setAlert(errorText(error));
      failed();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(rateProblems(draft)).length > 0) {
      setAlert(t('funding.form.fix'));
      failed();
      return;
    }
    save.mutate();
  };
  const set = (patch: Partial<RateDraft>) => setDraft({ ...draft, ...patch });
  const error = (field: keyof RateDraft) =>
    problems[field] ? t(`funding.errors.${problems[field] as 'required'}`) : undefined;
  return (
    <form
      ref={formRef}
      className="form funding-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="rate-form-heading"
    >
      <h3 id="rate-form-heading">{t('funding.rates.formTitle')}</h3>
      <p className="muted">{t('funding.rates.formHint')}</p>
      <FormAlert ref={alertRef} message={alert} />
      <CurrencyPicker
        label={t('funding.rates.currency')}
        currencies={others}
        value={draft.currency}
        onChange={(currency) => set({ currency })}
        error={error('currency')}
      />
      <TextField
        label={t('funding.rates.date')}
        type="date"
        value={draft.date}
        onChange={(event) => set({ date: event.target.value })}
        error={error('date')}
      />
      <TextField
        label={t('funding.rates.rate')}
        hint={
          draft.currency
            ? t('funding.rates.rateHint', { name: draft.currency })
            : t('funding.rates.rateHintNone')
        }
        inputMode="decimal"
        autoComplete="off"
        value={draft.rate}
        onChange={(event) => set({ rate: event.target.value })}
        error={error('rate')}
      />
      <TextField
        label={t('funding.rates.source')}
        hint={t('funding.rates.sourceHint')}
        value={draft.source}
        onChange={(event) => set({ source: event.target.value })}
        error={error('source')}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('funding.form.saving') : t('funding.rates.save')}
        </button>
      </div>
    </form>
  );
}

function ImportForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useFundingErrorText();
  const inputRef = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const [alert, setAlert] = useState<string>();
  const run = useMutation({
    mutationFn: async (file: File) => importRates(await file.text()),
    onSuccess: (reply) => {
      setProblems([]);
      setAlert(undefined);
      void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
      onDone(
        [
          t('funding.rates.importedAdded', { count: reply.added }),
          t('funding.rates.importedCorrected', { count: reply.corrected }),
          t('funding.rates.reconverted', { count: reply.reconverted }),
        ].join(' '),
      );
    },
    onError: (error) => {
      const lines = importProblems(error);
      setProblems(lines);
      setAlert(
        lines.length > 0
          ? t('funding.rates.importRefused', { count: lines.length })
          : errorText(error),
      );
    },
  });
  return (
    <form
      className="form funding-form"
      aria-labelledby="rate-import-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const file = inputRef.current?.files?.[0];
        if (!file) {
          setAlert(t('funding.rates.chooseFile'));
          return;
        }
        run.mutate(file);
      }}
    >
      <h3 id="rate-import-heading" className="funding-form__heading">
        {t('funding.rates.importTitle')}
      </h3>
      <p className="muted">{t('funding.rates.importHint')}</p>
      <FormAlert message={alert} />
      {problems.length > 0 ? (
        <ul className="funding-problems" aria-label={t('funding.rates.problemsLabel')}>
          {problems.map((problem) => (
            <li key={`${problem.line}-${problem.message}`}>
              {t('funding.rates.problemLine', { number: problem.line })}: {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor="rate-import-file">
          {t('funding.rates.file')}
        </label>
        <input
          ref={inputRef}
          id="rate-import-file"
          className="field__input"
          type="file"
          accept=".csv,text/csv"
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={run.isPending}>
          {run.isPending ? t('funding.rates.importing') : t('funding.rates.import')}
        </button>
      </div>
    </form>
  );
}

function DeleteRate({ rate, onDone }: { rate: ExchangeRate; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useFundingErrorText();
  const [asking, setAsking] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const remove = useMutation({
    mutationFn: () => deleteRate(rate.id),
    onSuccess: (reply) => {
      void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
      onDone(t('funding.rates.deleted', { count: reply?.reconverted ?? 0 }));
    },
    onError: (error) => onDone(errorText(error)),
  });
  if (!asking) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className="button button--danger"
        aria-label={t('funding.rates.deleteLabel', { name: rate.currency, date: rate.date })}
        onClick={() => setAsking(true)}
      >
        {t('funding.rates.delete')}
      </button>
    );
  }
  return (
    <span role="group" aria-label={t('funding.rates.deleteQuestion')} className="funding-confirm">
      {t('funding.rates.deleteQuestion')}{' '}
      <button
        type="button"
        className="button button--danger"
        autoFocus
        disabled={remove.isPending}
        onClick={() => remove.mutate()}
      >
        {t('funding.rates.deleteYes')}
      </button>{' '}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setAsking(false);
          requestAnimationFrame(() => buttonRef.current?.focus());
        }}
      >
        {t('funding.confirmNo')}
      </button>
    </span>
  );
}

/**
 * `/funding/rates`: exchange rates by currency and date with their source and who set them.
 * Admins add or correct a rate (and learn how many transactions were re-converted) and import a
 * CSV; everyone else reads.
 */
export function ExchangeRatesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('funding.rates.title'));
  useLiveFunding();
  const me = useMe();
  const rates = useRates();
  const currencies = useCurrencies();
  const manage = me.data?.abilities.manageExchangeRates ?? false;
  const [draft, setDraft] = useState<RateDraft>({ currency: '', date: '', rate: '', source: '' });
  const [message, setMessage] = useState<string>();
  const formTop = useRef<HTMLDivElement>(null);
  const sorted = useMemo(
    () =>
      [...(rates.data ?? [])].sort((a, b) =>
        a.currency === b.currency
          ? b.date.localeCompare(a.date)
          : a.currency.localeCompare(b.currency),
      ),
    [rates.data],
  );
  return (
    <div className="page funding-page">
      <header className="page-header">
        <h1>{t('funding.rates.title')}</h1>
        <p className="page-header__lead">{t('funding.rates.lead')}</p>
      </header>
      <FormAlert message={message} tone="success" />
      <Card labelledBy="rates-table" className="funding-card">
        <h2 id="rates-table">{t('funding.rates.tableTitle')}</h2>
        {rates.error ? (
          <ErrorState
            title={t('funding.rates.loadError')}
            error={rates.error}
            onRetry={() => void rates.refetch()}
          />
        ) : !rates.data ? (
          <LoadingState label={t('funding.rates.loading')} />
        ) : sorted.length === 0 ? (
          <p className="muted">{t('funding.rates.empty')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="rates-table" tabIndex={0}>
            <table className="funding-table">
              <thead>
                <tr>
                  <th scope="col">{t('funding.rates.currency')}</th>
                  <th scope="col">{t('funding.rates.date')}</th>
                  <th scope="col" className="funding-table__number">
                    {t('funding.rates.rateColumn')}
                  </th>
                  <th scope="col">{t('funding.rates.source')}</th>
                  <th scope="col">{t('funding.rates.updated')}</th>
                  {manage ? <th scope="col">{t('funding.transactions.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {sorted.map((rate) => (
                  <tr key={rate.id}>
                    <th scope="row">{rate.currency}</th>
                    <td>{formatFundingDate(rate.date, locale)}</td>
                    <td className="funding-table__number">{rate.rate}</td>
                    <td>{rate.source}</td>
                    <td>
                      {t('funding.history.byAt', {
                        name: rate.updatedBy.name,
                        time: formatDateTime(rate.updatedAt, locale),
                      })}
                    </td>
                    {manage ? (
                      <td className="funding-row-actions">
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t('funding.rates.correctLabel', {
                            name: rate.currency,
                            date: rate.date,
                          })}
                          onClick={() => {
                            setDraft({
                              currency: rate.currency,
                              date: rate.date,
                              rate: rate.rate,
                              source: rate.source,
                            });
                            formTop.current?.querySelector('input')?.focus();
                          }}
                        >
                          {t('funding.rates.correct')}
                        </button>{' '}
                        <DeleteRate rate={rate} onDone={setMessage} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!manage && me.data ? <p className="muted">{t('funding.rates.readOnly')}</p> : null}
      </Card>
      {manage ? (
        <Card labelledBy="rates-manage" className="funding-card">
          <h2 id="rates-manage">{t('funding.rates.manageTitle')}</h2>
          <div ref={formTop}>
            {currencies.data ? (
              <RateForm
                currencies={currencies.data}
                draft={draft}
                setDraft={setDraft}
                onSaved={setMessage}
              />
            ) : currencies.error ? (
              <ErrorState
                title={t('funding.new.loadError')}
                error={currencies.error}
                onRetry={() => void currencies.refetch()}
              />
            ) : (
              <LoadingState label={t('funding.new.loading')} />
            )}
          </div>
          <ImportForm onDone={setMessage} />
        </Card>
      ) : null}
    </div>
  );
}
