import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommitmentRecord } from '@mesa/shared';
import './funding.css';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormFocus } from '../../hooks/useFormFocus';
import { ApiError } from '../../lib/api';
import { addTransaction, createRecord } from '../../lib/fundingApi';
import { failedQueries, retryFor } from '../../lib/queryState';
import { useMe } from '../auth/useMe';
import { useOrganizations } from '../portfolio/useOrganizations';
import { usePrograms } from '../portfolio/usePrograms';
import { fundingKeys } from './queryKeys';
import { RecordFields } from './RecordFields';
import {
  recordDraftOf,
  recordInput,
  recordProblems,
  transactionInput,
  transactionProblems,
  type DraftProblems,
  type RecordDraft,
  type TransactionDraft,
} from './recordForm';
import { TransactionFields } from './TransactionFields';
import { useFundingErrorText } from './fundingErrors';
import { useCurrencies } from './useFunding';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A new transaction's draft: a pledge dated today, in US dollars. */
export function newTransactionDraft(): TransactionDraft {
  return { type: 'pledge', valueDate: today(), amount: '', currency: 'USD', note: '' };
}

/**
 * `/funding/records/new?programId=…`: a commitment record and its first transaction in one form.
 * The donor is limited to the person's own organization unless they are an admin or the
 * program's coordinator (the server decides anyway and its refusal is shown).
 */
export function NewCommitmentRecordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('funding.new.title'));
  const [params] = useSearchParams();
  const me = useMe();
  const organizations = useOrganizations();
  const programs = usePrograms();
  const currencies = useCurrencies();
  const queries = [me, organizations, programs, currencies];
  const failed = failedQueries(queries);
  let body;
  if (failed.length > 0) {
    body = (
      <ErrorState
        title={t('funding.new.loadError')}
        error={failed[0]?.error}
        onRetry={retryFor(failed)}
      />
    );
  } else if (!me.data || !organizations.data || !programs.data || !currencies.data) {
    body = <LoadingState label={t('funding.new.loading')} />;
  } else {
    body = (
      <NewRecordForm
        initialProgramId={params.get('programId') ?? ''}
        context={{
          me: me.data,
          organizations: organizations.data,
          programs: programs.data,
          currencies: currencies.data,
        }}
      />
    );
  }
  return (
    <div className="page funding-page">
      <header className="page-header">
        <h1>{t('funding.new.title')}</h1>
        <p className="page-header__lead">{t('funding.new.lead')}</p>
      </header>
      {body}
    </div>
  );
}

interface FormContext {
  me: NonNullable<ReturnType<typeof useMe>['data']>;
  organizations: NonNullable<ReturnType<typeof useOrganizations>['data']>;
  programs: NonNullable<ReturnType<typeof usePrograms>['data']>;
  currencies: NonNullable<ReturnType<typeof useCurrencies>['data']>;
}

/** The form itself, once what it offers has loaded. */
export function NewRecordForm({
  initialProgramId,
  context,
}: {
  initialProgramId: string;
  context: FormContext;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useFundingErrorText();
  const { formRef, alertRef, failed } = useFormFocus();
  const { me, organizations, programs, currencies } = context;
  const recordable = useMemo(
    () => programs.filter((p) => p.abilities.recordCommitment),
    [programs],
  );
  const [draft, setDraft] = useState<RecordDraft>(() => ({
    ...recordDraftOf(),
    donorOrganizationId: me.user.organizationId,
    programId: recordable.some((p) => p.id === initialProgramId) ? initialProgramId : '',
  }));
  const [tx, setTx] = useState<TransactionDraft>(newTransactionDraft);
  const [submitted, setSubmitted] = useState(false);
  const [alert, setAlert] = useState<string>();
  const [orphan, setOrphan] = useState<CommitmentRecord>();
  const program = programs.find((p) => p.id === draft.programId);
  // Any organization as the donor: the program's coordinators and admins, or admins for a
  // strategy-wide record — as the server's policy says (`manageCommitments`).
  const anyDonor = program ? program.abilities.manageCommitments : me.abilities.manageCommitments;
  const donors = anyDonor
    ? organizations
    : organizations.filter((org) => org.id === me.user.organizationId);
  const problems: DraftProblems = {
    ...(submitted ? recordProblems(draft) : {}),
    ...transactionProblems(tx, currencies),
  };
  const [serverField, setServerField] = useState<{ field: string; message: string }>();

  const save = useMutation({
    mutationFn: async () => {
      const record = await createRecord(recordInput(draft));
      try {
        return await addTransaction(record.id, transactionInput(tx, currencies));
      } catch (error) {
        setOrphan(record);
        throw error;
      }
    },
    onSuccess: (record) => {
      void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
      void navigate(`/funding/records/${record.id}`, { state: { created: true } });
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
    const all = { ...recordProblems(draft), ...transactionProblems(tx, currencies) };
    if (Object.keys(all).length > 0) {
      setAlert(t('funding.form.fix'));
      failed();
      return;
    }
    setAlert(undefined);
    save.mutate();
  };

  if (orphan) {
    return (
      <div className="card funding-orphan" role="alert">
        <p>
          {t('funding.new.orphan')} {alert}
        </p>
        <Link to={`/funding/records/${orphan.id}`}>{t('funding.new.openOrphan')}</Link>
      </div>
    );
  }

  return (
    <form ref={formRef} className="form funding-form" noValidate onSubmit={submit}>
      <FormAlert ref={alertRef} message={alert} />
      <fieldset className="fieldset">
        <legend>{t('funding.new.recordLegend')}</legend>
        <RecordFields
          draft={draft}
          onChange={setDraft}
          donors={donors}
          organizations={organizations}
          programs={recordable}
          problems={submitted ? recordProblems(draft) : {}}
          donorLimited={!anyDonor}
          serverField={serverField}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('funding.new.transactionLegend')}</legend>
        <TransactionFields
          draft={tx}
          onChange={setTx}
          currencies={currencies}
          problems={problems}
          submitted={submitted}
          serverField={serverField}
        />
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('funding.form.saving') : t('funding.new.submit')}
        </button>
        <Link
          to={draft.programId ? `/programs/${draft.programId}#funding` : '/funding'}
          className="button button--secondary"
        >
          {t('funding.form.cancel')}
        </Link>
      </div>
    </form>
  );
}
