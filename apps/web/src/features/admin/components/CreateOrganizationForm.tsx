import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganizationKinds, OrganizationKindSchema } from '@mesa/shared';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useErrorText } from '../../../hooks/useErrorText';
import { useFormFocus } from '../../../hooks/useFormFocus';
import { createOrganization } from '../../../lib/adminApi';
import { portfolioKeys } from '../../portfolio/queryKeys';
import { useAdminMutation } from '../useAdminMutation';
import { formText } from '../../../lib/formData';

type FieldErrors = Partial<Record<'name' | 'shortName' | 'countryCode', string>>;

/** Adds an organization: full and short name, kind, and a country code for states. */
export function CreateOrganizationForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { formRef, alertRef, failed } = useFormFocus();
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useAdminMutation(createOrganization, [portfolioKeys.organizations]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = formText(data, 'name').trim();
    const shortName = formText(data, 'shortName').trim();
    const country = formText(data, 'countryCode').trim().toUpperCase();
    const found: FieldErrors = {
      name: name ? undefined : t('admin.orgs.nameRequired'),
      shortName: shortName ? undefined : t('admin.orgs.shortNameRequired'),
      countryCode:
        country === '' || /^[A-Z]{2}$/.test(country) ? undefined : t('admin.orgs.countryInvalid'),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return failed();
    const kind = OrganizationKindSchema.parse(data.get('kind'));
    const input = { name, shortName, kind, countryCode: country || null };
    mutation.mutate(input, { onSuccess: () => form.reset(), onError: failed });
  };

  return (
    <form ref={formRef} className="form form--grid" noValidate onSubmit={submit}>
      <FormAlert
        ref={alertRef}
        message={mutation.isError ? errorText(mutation.error) : undefined}
      />
      <FormAlert
        tone="success"
        message={mutation.isSuccess ? t('admin.orgs.created') : undefined}
      />
      <TextField label={t('admin.orgs.name')} name="name" required error={errors.name} />
      <TextField
        label={t('admin.orgs.shortName')}
        name="shortName"
        required
        maxLength={40}
        error={errors.shortName}
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
        error={errors.countryCode}
      />
      <button type="submit" className="button" disabled={mutation.isPending}>
        {t('admin.orgs.create')}
      </button>
    </form>
  );
}
