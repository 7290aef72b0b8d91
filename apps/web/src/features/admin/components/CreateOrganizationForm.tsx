import { useTranslation } from 'react-i18next';
import { OrganizationKinds, OrganizationKindSchema } from '@mesa/shared';
import { CheckedForm } from '../../../components/CheckedForm';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { createOrganization } from '../../../lib/adminApi';
import { portfolioKeys } from '../../portfolio/queryKeys';
import { useAdminMutation } from '../useAdminMutation';
import { formText } from '../../../lib/formData';
import {
  OrganizationNameFields,
  nameTakenError,
  readOrganizationNames,
} from './OrganizationNameFields';

/** Adds an organization: full and short name in each language, kind, a country code for states. */
export function CreateOrganizationForm() {
  const { t } = useTranslation();
  const form = useCheckedForm((data) => {
    const names = readOrganizationNames(data, t);
    const country = formText(data, 'countryCode').trim().toUpperCase();
    const values = {
      ...names.values,
      kind: OrganizationKindSchema.parse(data.get('kind')),
      countryCode: country || null,
    };
    const errors = {
      ...names.errors,
      countryCode:
        country === '' || /^[A-Z]{2}$/.test(country) ? undefined : t('admin.orgs.countryInvalid'),
    };
    return { values, errors };
  });
  const mutation = useAdminMutation(createOrganization, [portfolioKeys.organizations]);
  const taken = nameTakenError(mutation.error, t);
  return (
    <CheckedForm
      {...form.propsFor(mutation, () => form.formRef.current?.reset())}
      error={Object.keys(taken).length > 0 ? null : mutation.error}
      className="form form--grid"
      success={mutation.isSuccess ? t('admin.orgs.created') : undefined}
      submitLabel={t('admin.orgs.create')}
    >
      <p className="muted organization-names-hint">{t('admin.orgs.namesHint')}</p>
      <OrganizationNameFields errors={{ ...form.errors, ...taken }} />
      <SelectField
        label={t('admin.orgs.kind')}
        name="kind"
        options={OrganizationKinds.map((kind) => ({
          value: kind,
          label: t(`admin.kinds.${kind}`),
        }))}
      />
      <TextField
        label={t('admin.orgs.country')}
        hint={t('admin.orgs.countryHint')}
        name="countryCode"
        maxLength={2}
        error={form.errors.countryCode}
      />
    </CheckedForm>
  );
}
