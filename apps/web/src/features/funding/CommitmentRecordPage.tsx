import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommitmentRecord, FundingTransaction } from '@mesa/shared';
import './funding.css';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { isApiErrorStatus } from '../../lib/api';
import { deleteRecord, deleteTransaction, setTransactionConfirmed } from '../../lib/fundingApi';
import { formatDateTime } from '../../lib/intl';
import { useMe } from '../auth/useMe';
import { useOrganizations } from '../portfolio/useOrganizations';
import { usePrograms } from '../portfolio/usePrograms';
import { formatUsd } from './format';
import { useFundingErrorText } from './fundingErrors';
import { HistoryList } from './HistoryList';
import { modalityLabel, organizationName, recordTitle, scopeLabel } from './labels';
import { fundingKeys } from './queryKeys';
import { RecordEditForm } from './RecordEditForm';
import { TransactionForm } from './TransactionForm';
import { TransactionTable } from './TransactionTable';
import { useCurrencies, useLiveFunding, useRecord } from './useFunding';
import { RecordFlag } from './RecordFlag';

/**
 * A yes/no question in place of a button ("Delete this transaction?"): Yes acts, No puts focus
 * back on the button that asked.
 */
function Confirm({
  question,
  yes,
  onYes,
  onNo,
  pending,
  problem,
}: {
  question: string;
  yes: string;
  onYes: () => void;
  onNo: () => void;
  pending: boolean;
  problem?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="funding-confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <FormAlert message={problem} />
      <button
        type="button"
        className="button button--danger"
        disabled={pending}
        onClick={onYes}
        autoFocus
      >
        {pending ? t('funding.form.saving') : yes}
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={onNo}>
        {t('funding.confirmNo')}
      </button>
    </div>
  );
}

/**
 * Focus to move once React has committed the next render (the button that opened a form is
 * back only then): `focusLater(ref)` in an event or mutation callback.
 */
function useFocusLater(): (ref: RefObject<HTMLElement | null>) => void {
  const target = useRef<RefObject<HTMLElement | null> | null>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    target.current?.current?.focus();
    target.current = null;
  }, [requests]);
  return (ref) => {
    target.current = ref;
    setRequests((count) => count + 1);
  };
}

function TransactionActions({
  record,
  transaction,
  onEdit,
  onDeleted,
  onMessage,
}: {
  record: CommitmentRecord;
  transaction: FundingTransaction;
  onEdit: (transaction: FundingTransaction, trigger: HTMLButtonElement) => void;
  /** The row is gone: focus goes to the table's heading. */
  onDeleted: () => void;
  onMessage: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useFundingErrorText();
  const focusLater = useFocusLater();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const deleteRef = useRef<HTMLButtonElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: fundingKeys.all });
  const remove = useMutation({
    mutationFn: () => deleteTransaction(record.id, transaction.id),
    onSuccess: async () => {
      await refresh();
      onMessage(t('funding.transactions.deleted'));
      onDeleted();
    },
    onError: (error) => setProblem(errorText(error)),
  });
  const confirm = useMutation({
    mutationFn: (confirmed: boolean) =>
      setTransactionConfirmed(record.id, transaction.id, confirmed),
    onSuccess: async (_, confirmed) => {
      await refresh();
      onMessage(
        confirmed
          ? t('funding.transactions.confirmedNow')
          : t('funding.transactions.unconfirmedNow'),
      );
    },
    onError: (error) => onMessage(errorText(error)),
  });
  const label = (action: string) =>
    `${action}: ${t('funding.transactions.ofDate', { date: transaction.valueDate })}`;
  return (
    <div className="funding-row-actions">
      {record.abilities.confirm ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={confirm.isPending}
          aria-label={label(
            transaction.confirmedBy
              ? t('funding.transactions.unconfirm')
              : t('funding.transactions.confirm'),
          )}
          onClick={() => confirm.mutate(!transaction.confirmedBy)}
        >
          {transaction.confirmedBy
            ? t('funding.transactions.unconfirm')
            : t('funding.transactions.confirm')}
        </button>
      ) : null}
      {record.abilities.edit ? (
        <>
          <button
            type="button"
            className="button button--secondary"
            aria-label={label(t('funding.transactions.edit'))}
            onClick={(event) => onEdit(transaction, event.currentTarget)}
          >
            {t('funding.transactions.edit')}
          </button>
          {asking ? (
            <Confirm
              question={t('funding.transactions.deleteQuestion')}
              yes={t('funding.transactions.deleteYes')}
              pending={remove.isPending}
              problem={problem}
              onYes={() => remove.mutate()}
              onNo={() => {
                setAsking(false);
                focusLater(deleteRef);
              }}
            />
          ) : (
            <button
              ref={deleteRef}
              type="button"
              className="button button--danger"
              aria-label={label(t('funding.transactions.delete'))}
              onClick={() => setAsking(true)}
            >
              {t('funding.transactions.delete')}
            </button>
          )}
        </>
      ) : null}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function RecordBody({ record }: { record: CommitmentRecord }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const errorText = useFundingErrorText();
  const me = useMe();
  const currencies = useCurrencies();
  const organizations = useOrganizations();
  const programs = usePrograms();
  const focusLater = useFocusLater();
  const [editing, setEditing] = useState(false);
  const [txForm, setTxForm] = useState<{ transaction?: FundingTransaction } | null>(null);
  const [message, setMessage] = useState<string | undefined>(
    (location.state as { created?: boolean } | null)?.created
      ? t('funding.record.created')
      : undefined,
  );
  const [askingDelete, setAskingDelete] = useState(false);
  const [deleteProblem, setDeleteProblem] = useState<string>();
  const editRef = useRef<HTMLButtonElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const txTrigger = useRef<HTMLButtonElement | null>(null);
  const txHeading = useRef<HTMLHeadingElement>(null);
  const manageRates = me.data?.abilities.manageExchangeRates ?? false;
  const program = programs.data?.find((p) => p.id === record.program?.id);
  // Any organization as the donor: the program's coordinators and admins, or admins for a
  // strategy-wide record — as the server's policy says (`manageCommitments`).
  const anyDonor = record.program
    ? (program?.abilities.manageCommitments ?? false)
    : (me.data?.abilities.manageCommitments ?? false);
  const back = record.program ? `/programs/${record.program.id}#funding` : '/funding';
  const remove = useMutation({
    mutationFn: () => deleteRecord(record.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: fundingKeys.record(record.id) });
      void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
      void navigate(back);
    },
    onError: (error) => setDeleteProblem(errorText(error)),
  });
  const { figures } = record;
  return (
    <>
      <header className="page-header">
        <p className="funding-kicker">
          <Link to={back}>
            {record.program ? scopeLabel(t, record, locale) : t('funding.record.toDashboard')}
          </Link>
        </p>
        <h1>{recordTitle(record, locale)}</h1>
        <RecordFlag record={record} />
      </header>
      <FormAlert message={message} tone="success" />
      <Card labelledBy="record-details" className="funding-card">
        <h2 id="record-details">{t('funding.record.details')}</h2>
        {editing && organizations.data && programs.data ? (
          <RecordEditForm
            record={record}
            organizations={organizations.data}
            programs={programs.data.filter(
              (p) => p.abilities.recordCommitment || p.id === record.program?.id,
            )}
            anyDonor={anyDonor}
            ownOrganizationId={me.data?.user.organizationId ?? ''}
            onDone={(saved) => {
              setEditing(false);
              if (saved) setMessage(t('funding.edit.saved'));
              focusLater(editRef);
            }}
          />
        ) : (
          <>
            <dl className="funding-facts">
              <Fact label={t('funding.form.donor')}>{organizationName(record.donor, locale)}</Fact>
              <Fact label={t('funding.form.program')}>{scopeLabel(t, record, locale)}</Fact>
              <Fact label={t('funding.form.receiver')}>
                {record.receiver
                  ? organizationName(record.receiver, locale)
                  : t('funding.record.noReceiver')}
              </Fact>
              <Fact label={t('funding.form.modality')}>{modalityLabel(t, record.modality)}</Fact>
              <Fact label={t('funding.form.descriptionEn')}>
                <span lang="en">{record.descriptionEn || '—'}</span>
              </Fact>
              <Fact label={t('funding.form.descriptionEs')}>
                <span lang="es">{record.descriptionEs || '—'}</span>
              </Fact>
              <Fact label={t('funding.record.source')}>
                {record.sourceUrl ? (
                  <a href={record.sourceUrl} rel="noreferrer noopener" target="_blank">
                    {record.sourceReference ?? record.sourceUrl}
                  </a>
                ) : (
                  (record.sourceReference ?? t('funding.record.noSource'))
                )}
              </Fact>
              <Fact label={t('funding.record.reportedBy')}>
                {t('funding.history.byAt', {
                  name: record.createdBy?.name ?? t('funding.history.seed'),
                  time: formatDateTime(record.createdAt, locale),
                })}
              </Fact>
            </dl>
            {record.abilities.edit ? (
              <button
                ref={editRef}
                type="button"
                className="button button--secondary"
                onClick={() => setEditing(true)}
              >
                {t('funding.edit.button')}
              </button>
            ) : null}
          </>
        )}
      </Card>
      <Card labelledBy="record-figures" className="funding-card">
        <h2 id="record-figures">{t('funding.record.figures')}</h2>
        <dl className="funding-summary">
          <Fact label={t('funding.summary.pledged')}>{formatUsd(figures.pledged, locale)}</Fact>
          <Fact label={t('funding.summary.committed')}>{formatUsd(figures.committed, locale)}</Fact>
          <Fact label={t('funding.summary.disbursed')}>{formatUsd(figures.disbursed, locale)}</Fact>
          <Fact label={t('funding.summary.expended')}>{formatUsd(figures.expended, locale)}</Fact>
          <Fact label={t('funding.summary.funding')}>{formatUsd(figures.funding, locale)}</Fact>
          {figures.withoutRate > 0 ? (
            <Fact label={t('funding.summary.withoutRateLabel')}>
              {t('funding.summary.withoutRate', { count: figures.withoutRate })}
            </Fact>
          ) : null}
        </dl>
        {record.alternativeOfId ? (
          <p className="muted">{t('funding.record.alternativeNotSummed')}</p>
        ) : null}
      </Card>
      <Card labelledBy="record-transactions" className="funding-card">
        <h2 id="record-transactions" ref={txHeading} tabIndex={-1}>
          {t('funding.transactions.title')}
        </h2>
        {record.transactions.length === 0 ? (
          <p className="muted">{t('funding.transactions.none')}</p>
        ) : (
          <TransactionTable
            caption={t('funding.transactions.title')}
            transactions={record.transactions}
            currencies={currencies.data}
            explainNoRate
            linkRates={manageRates}
            actions={
              record.abilities.edit || record.abilities.confirm
                ? (tx) => (
                    <TransactionActions
                      record={record}
                      transaction={tx}
                      onDeleted={() => focusLater(txHeading)}
                      onMessage={setMessage}
                      onEdit={(transaction, trigger) => {
                        txTrigger.current = trigger;
                        setTxForm({ transaction });
                      }}
                    />
                  )
                : undefined
            }
          />
        )}
        {txForm && currencies.data ? (
          <TransactionForm
            key={txForm.transaction?.id ?? 'new'}
            recordId={record.id}
            transaction={txForm.transaction}
            currencies={currencies.data}
            onDone={(saved) => {
              const wasEdit = Boolean(txForm.transaction);
              setTxForm(null);
              if (saved) {
                setMessage(
                  wasEdit ? t('funding.transactions.saved') : t('funding.transactions.added'),
                );
              }
              if (wasEdit && txTrigger.current?.isConnected) focusLater(txTrigger);
              else focusLater(addRef);
            }}
          />
        ) : record.abilities.edit ? (
          <button ref={addRef} type="button" className="button" onClick={() => setTxForm({})}>
            {t('funding.transactions.addButton')}
          </button>
        ) : null}
        {!record.abilities.edit && record.abilities.denied.edit ? (
          <p className="muted">{t(`access.reasons.${record.abilities.denied.edit}`)}</p>
        ) : null}
      </Card>
      <Card labelledBy="record-history" className="funding-card">
        <h2 id="record-history">{t('funding.history.title')}</h2>
        <HistoryList recordId={record.id} />
      </Card>
      {record.abilities.edit ? (
        <Card labelledBy="record-delete" className="funding-card">
          <h2 id="record-delete">{t('funding.record.deleteTitle')}</h2>
          {askingDelete ? (
            <Confirm
              question={t('funding.record.deleteQuestion')}
              yes={t('funding.record.deleteYes')}
              pending={remove.isPending}
              problem={deleteProblem}
              onYes={() => remove.mutate()}
              onNo={() => {
                setAskingDelete(false);
                focusLater(deleteRef);
              }}
            />
          ) : (
            <button
              ref={deleteRef}
              type="button"
              className="button button--danger"
              onClick={() => setAskingDelete(true)}
            >
              {t('funding.record.delete')}
            </button>
          )}
        </Card>
      ) : null}
    </>
  );
}

/** `/funding/records/:recordId`: a record, its figures, transactions and history. */
export function CommitmentRecordPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { recordId = '' } = useParams();
  const record = useRecord(recordId);
  useLiveFunding(record.data?.program?.id ?? undefined);
  useDocumentTitle(record.data ? recordTitle(record.data, locale) : t('funding.record.loading'));
  let body;
  if (isApiErrorStatus(record.error, 404)) {
    body = (
      <EmptyState
        level={1}
        title={t('funding.record.notFound')}
        body={t('errors.not_found')}
        action={<Link to="/funding">{t('funding.record.toDashboard')}</Link>}
      />
    );
  } else if (isApiErrorStatus(record.error, 403)) {
    body = (
      <EmptyState
        level={1}
        title={t('access.noAccessTitle')}
        body={t('funding.record.noAccess')}
        action={<Link to="/funding">{t('funding.record.toDashboard')}</Link>}
      />
    );
  } else if (record.error) {
    body = (
      <ErrorState
        level={1}
        title={t('funding.record.loadError')}
        error={record.error}
        onRetry={() => void record.refetch()}
      />
    );
  } else if (!record.data) {
    body = <LoadingState label={t('funding.record.loading')} />;
  } else {
    body = <RecordBody record={record.data} />;
  }
  return <div className="page funding-page">{body}</div>;
}
