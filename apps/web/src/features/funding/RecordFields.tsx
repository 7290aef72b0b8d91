import { useTranslation } from 'react-i18next';
import { Modalities, type Modality, type Organization, type Program } from '@mesa/shared';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/useLocale';
import { localizedTitle } from '../portfolio/localizedTitle';
import { modalityLabel } from './labels';
import type { DraftProblems, RecordDraft } from './recordForm';

/** Props of RecordFields. */
export interface RecordFieldsProps {
  draft: RecordDraft;
  onChange: (draft: RecordDraft) => void;
  /** Organizations the person may name as donor (their own only, unless admin or coordinator). */
  donors: readonly Organization[];
  /** Every organization (receivers). */
  organizations: readonly Organization[];
  /** Programs the record may be for; strategy-wide is always offered. */
  programs: readonly Program[];
  problems: DraftProblems;
  /** Whether the donor is limited to the person's own organization (the hint says so). */
  donorLimited: boolean;
  /** A field the server refused, with its sentence. */
  serverField?: { field: string; message: string };
}

/** The fields of a commitment record: donor, program or strategy-wide, receiver, modality, texts, source. */
export function RecordFields({
  draft,
  onChange,
  donors,
  organizations,
  programs,
  problems,
  donorLimited,
  serverField,
}: RecordFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const set = (patch: Partial<RecordDraft>) => onChange({ ...draft, ...patch });
  const error = (field: keyof DraftProblems) => {
    const problem = problems[field];
    if (problem) return t(`funding.errors.${problem}`);
    return serverField?.field === field ? serverField.message : undefined;
  };
  const name = (org: Organization) => org.name[locale] || org.name.en;
  return (
    <>
      <SelectField
        label={t('funding.form.donor')}
        hint={donorLimited ? t('funding.form.donorLimited') : t('funding.form.donorHint')}
        value={draft.donorOrganizationId}
        onChange={(event) => set({ donorOrganizationId: event.target.value })}
        error={error('donorOrganizationId')}
        options={[
          ...(donors.length === 1 ? [] : [{ value: '', label: t('funding.form.choose') }]),
          ...donors.map((org) => ({ value: org.id, label: name(org) })),
        ]}
      />
      <SelectField
        label={t('funding.form.program')}
        hint={t('funding.form.programHint')}
        value={draft.programId}
        onChange={(event) => set({ programId: event.target.value })}
        options={[
          { value: '', label: t('funding.record.strategyWide') },
          ...programs.map((program) => ({
            value: program.id,
            label: program.code
              ? `${program.code} — ${localizedTitle(program, locale)}`
              : localizedTitle(program, locale),
          })),
        ]}
      />
      <SelectField
        label={t('funding.form.receiver')}
        value={draft.receivingOrganizationId}
        onChange={(event) => set({ receivingOrganizationId: event.target.value })}
        options={[
          { value: '', label: t('funding.form.noReceiver') },
          ...organizations.map((org) => ({ value: org.id, label: name(org) })),
        ]}
      />
      <SelectField
        label={t('funding.form.modality')}
        value={draft.modality}
        onChange={(event) => set({ modality: event.target.value as Modality })}
        options={Modalities.map((m) => ({ value: m, label: modalityLabel(t, m) }))}
      />
      <Field label={t('funding.form.descriptionEn')} error={error('descriptionEn')}>
        {(control) => (
          <textarea
            {...control}
            className="field__input"
            lang="en"
            rows={3}
            value={draft.descriptionEn}
            onChange={(event) => set({ descriptionEn: event.target.value })}
          />
        )}
      </Field>
      <Field label={t('funding.form.descriptionEs')} error={error('descriptionEs')}>
        {(control) => (
          <textarea
            {...control}
            className="field__input"
            lang="es"
            rows={3}
            value={draft.descriptionEs}
            onChange={(event) => set({ descriptionEs: event.target.value })}
          />
        )}
      </Field>
      <TextField
        label={t('funding.form.sourceUrl')}
        hint={t('funding.form.sourceUrlHint')}
        type="url"
        value={draft.sourceUrl}
        onChange={(event) => set({ sourceUrl: event.target.value })}
        error={error('sourceUrl')}
      />
      <TextField
        label={t('funding.form.sourceReference')}
        hint={t('funding.form.sourceReferenceHint')}
        value={draft.sourceReference}
        onChange={(event) => set({ sourceReference: event.target.value })}
        error={error('sourceReference')}
      />
    </>
  );
}
