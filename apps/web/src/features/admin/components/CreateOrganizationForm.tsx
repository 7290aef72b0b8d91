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

/** Adds an organization: full and short name, kind, and a country code for states. */
export function CreateOrganizationForm() {
  const { t } = useTranslation();
  const form = useCheckedForm((data) => {
    const country = formText(data, 'countryCode').trim().toUpperCase();
    const values = {
      name: formText(data, 'name').trim(),
      shortName: formText(data, 'shortName').trim(),
      kind: OrganizationKindSchema.parse(data.get('kind')),
      countryCode: country || null,
    };
    const errors = {
      name: values.name ? undefined : t('admin.orgs.nameRequired'),
      shortName: values.shortName ? undefined : t('admin.orgs.shortNameRequired'),
      countryCode:
        country === '' || /^[A-Z]{2}$/.test(country) ? undefined : t('admin.orgs.countryInvalid'),
    };
    return { values, errors };
  });
  const mutation = useAdminMutation(createOrganization, [portfolioKeys.organizations]);

  return (
    <CheckedForm
      {...form.propsFor(mutation, () => form.formRef.current?.reset())}
      className="form form--grid"
      success={mutation.isSuccess ? t('admin.orgs.created') : undefined}
      submitLabel={t('admin.orgs.create')}
    >
      <TextField label={t('admin.orgs.name')} name="name" required error={form.errors.name} />
      <TextField
        label={t('admin.orgs.shortName')}
        name="shortName"
        required
        maxLength={40}
        error={form.errors.shortName}
      />
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
