import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommitmentRecord, Organization, Program } from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { useFormFocus } from '../../hooks/useFormFocus';
import { useLocale } from '../../i18n/useLocale';
import { updateRecord } from '../../lib/fundingApi';
import { fundingKeys } from './queryKeys';
import { RecordFields } from './RecordFields';
import { recordDraftOf, recordInput, recordProblems, type RecordDraft } from './recordForm';
import { useFundingErrorText } from './fundingErrors';
import { modalityLabel, organizationName, scopeLabel } from './labels';

/** Props of RecordEditForm. */
export interface RecordEditFormProps {
  record: CommitmentRecord;
  organizations: readonly Organization[];
  programs: readonly Program[];
  /** Whether any organization may be named donor (admins, the program's coordinators). */
  anyDonor: boolean;
  ownOrganizationId: string;
  /** Closes the form (after a save, or on cancel). */
  onDone: (saved: boolean) => void;
}

/**
 * Edits a record against the revision it was opened on. When someone saved first (409), the
 * version stored now is shown beside the person's own changes, which stay in the form: they
 * check them and save again, now against the current revision.
 */
export function RecordEditForm({
  record,
  organizations,
  programs,
  anyDonor,
  ownOrganizationId,
  onDone,
}: RecordEditFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const errorText = useFundingErrorText();
  const { formRef, alertRef, failed } = useFormFocus();
  const [draft, setDraft] = useState<RecordDraft>(() => recordDraftOf(record));
  const [revision, setRevision] = useState(record.revision);
  const [current, setCurrent] = useState<CommitmentRecord>();
  const [submitted, setSubmitted] = useState(false);
  const [alert, setAlert] = useState<string>();
  const save = useMutation({
    mutationFn: () => updateRecord(record.id, { ...recordInput(draft), revision }),
    onSuccess: (outcome) => {
      if ('stale' in outcome) {
        queryClient.setQueryData(fundingKeys.record(record.id), outcome.stale);
        setCurrent(outcome.stale);
        setRevision(outcome.stale.revision);
        setAlert(t('funding.edit.conflict'));
        failed();
        return;
      }
      queryClient.setQueryData(fundingKeys.record(record.id), outcome.saved);
      void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
      onDone(true);
    },
    onError: (error) => {
      setAlert(errorText(error));
      failed();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(recordProblems(draft)).length > 0) {
      setAlert(t('funding.form.fix'));
      failed();
      return;
    }
    save.mutate();
  };
  const donors = anyDonor
    ? organizations
    : organizations.filter((org) => org.id === ownOrganizationId || org.id === record.donor.id);
  return (
    <form ref={formRef} className="form funding-form" noValidate onSubmit={submit}>
      <h3>{t('funding.edit.title')}</h3>
      <FormAlert ref={alertRef} message={alert} />
      {current ? (
        <section className="funding-conflict" aria-labelledby="funding-conflict-heading">
          <h4 id="funding-conflict-heading">{t('funding.edit.currentVersion')}</h4>
          <dl className="funding-facts">
            <dt>{t('funding.form.donor')}</dt>
            <dd>{organizationName(current.donor, locale)}</dd>
            <dt>{t('funding.form.program')}</dt>
            <dd>{scopeLabel(t, current, locale)}</dd>
            <dt>{t('funding.form.receiver')}</dt>
            <dd>{current.receiver ? organizationName(current.receiver, locale) : '—'}</dd>
            <dt>{t('funding.form.modality')}</dt>
            <dd>{modalityLabel(t, current.modality)}</dd>
            <dt>{t('funding.form.descriptionEn')}</dt>
            <dd lang="en">{current.descriptionEn || '—'}</dd>
            <dt>{t('funding.form.descriptionEs')}</dt>
            <dd lang="es">{current.descriptionEs || '—'}</dd>
            <dt>{t('funding.form.sourceUrl')}</dt>
            <dd>{current.sourceUrl ?? '—'}</dd>
            <dt>{t('funding.form.sourceReference')}</dt>
            <dd>{current.sourceReference ?? '—'}</dd>
          </dl>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(recordDraftOf(current));
              setCurrent(undefined);
              setAlert(undefined);
            }}
          >
            {t('funding.edit.takeCurrent')}
          </button>
        </section>
      ) : null}
      <RecordFields
        draft={draft}
        onChange={setDraft}
        donors={donors}
        organizations={organizations}
        programs={programs}
        problems={submitted ? recordProblems(draft) : {}}
        donorLimited={!anyDonor}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('funding.form.saving') : t('funding.edit.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('funding.form.cancel')}
        </button>
      </div>
    </form>
  );
}
