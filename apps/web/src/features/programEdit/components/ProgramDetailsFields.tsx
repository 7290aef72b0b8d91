import { useTranslation } from 'react-i18next';
import { ComponentIds, ProgramStatusSchema, type Program } from '@mesa/shared';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { programDefaults, type ProgramField } from '../programForm';

/** Props of ProgramDetailsFields. */
export interface ProgramDetailsFieldsProps {
  /** The program edited, or undefined for a new one. */
  program: Program | undefined;
  /** Fields the last submit found invalid. */
  invalid: readonly ProgramField[];
}

/**
 * The inputs of a program's details; each invalid one says what it expects. The lead
 * organizations are not among them: they are the organizations with the Lead relation,
 * set in program access.
 */
export function ProgramDetailsFields({ program, invalid }: ProgramDetailsFieldsProps) {
  const { t } = useTranslation();
  const values = programDefaults(program);
  const error = (field: ProgramField) =>
    invalid.includes(field) ? t(`programEdit.errors.${field}`) : undefined;
  const notRecorded = { value: '', label: t('common.notRecorded') };
  return (
    <>
      <TextField
        label={t('program.code')}
        hint={t('programEdit.codeHint')}
        name="code"
        defaultValue={values.code}
        error={error('code')}
      />
      <TextField
        label={t('programEdit.titleEn')}
        name="titleEn"
        lang="en"
        required
        defaultValue={values.titleEn}
        error={error('titleEn')}
      />
      <TextField
        label={t('programEdit.titleEs')}
        name="titleEs"
        lang="es"
        required
        defaultValue={values.titleEs}
        error={error('titleEs')}
      />
      <SelectField
        label={t('program.component')}
        name="componentId"
        defaultValue={values.componentId}
        options={ComponentIds.map((id) => ({
          value: id,
          label: t('portfolio.componentLabel', { id }),
        }))}
        error={error('componentId')}
      />
      <div className="checkbox-field">
        <input
          id="program-priority"
          type="checkbox"
          name="priority"
          defaultChecked={values.priority}
        />
        <label htmlFor="program-priority">{t('programEdit.priority')}</label>
      </div>
      <SelectField
        label={t('program.status')}
        name="status"
        defaultValue={values.status}
        options={[
          notRecorded,
          ...ProgramStatusSchema.options.map((s) => ({
            value: s,
            label: t(`program.statusValues.${s}`),
          })),
        ]}
      />
      <TextField
        label={t('program.countries')}
        hint={t('programEdit.countriesHint')}
        name="countries"
        defaultValue={values.countries}
        error={error('countries')}
      />
      <fieldset className="fieldset">
        <legend>{t('program.cost')}</legend>
        <TextField
          label={t('programEdit.amount')}
          hint={t('programEdit.amountHint')}
          name="costAmount"
          inputMode="decimal"
          defaultValue={values.costAmount}
          error={error('estimatedCost')}
        />
        <TextField
          label={t('programEdit.currency')}
          name="costCurrency"
          maxLength={3}
          defaultValue={values.costCurrency}
        />
      </fieldset>
    </>
  );
}
