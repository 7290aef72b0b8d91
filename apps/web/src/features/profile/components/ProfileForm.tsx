import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Locales, type User } from '@mesa/shared';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useErrorText } from '../../../hooks/useErrorText';
import { useFormFocus } from '../../../hooks/useFormFocus';
import { asLocale } from '../../../i18n/language';
import { timeZoneChoices } from '../timeZones';
import { useUpdateProfile } from '../useUpdateProfile';
import { formText } from '../../../lib/formData';

/** Name, interface language and time zone of the signed-in person. */
export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const errorText = useErrorText(user.timeZone);
  const { formRef, alertRef, failed } = useFormFocus();
  const [nameError, setNameError] = useState<string>();
  const mutation = useUpdateProfile(failed);
  const zones = timeZoneChoices(user.timeZone).map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
  }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = formText(data, 'name').trim();
    const locale = asLocale(formText(data, 'locale'));
    const timeZone = formText(data, 'timeZone');
    setNameError(name ? undefined : t('auth.form.nameRequired'));
    if (!name) return failed();
    mutation.mutate({ name, locale, timeZone });
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert
        ref={alertRef}
        message={mutation.isError ? errorText(mutation.error) : undefined}
      />
      <FormAlert tone="success" message={mutation.isSuccess ? t('profile.saved') : undefined} />
      <TextField
        label={t('auth.form.name')}
        name="name"
        autoComplete="name"
        defaultValue={user.name}
        required
        error={nameError}
      />
      <SelectField
        label={t('profile.language')}
        name="locale"
        defaultValue={user.locale}
        options={Locales.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
      />
      <SelectField
        label={t('profile.timeZone')}
        hint={t('profile.timeZoneHint')}
        name="timeZone"
        defaultValue={user.timeZone}
        options={zones}
      />
      <button type="submit" className="button" disabled={mutation.isPending}>
        {t('profile.save')}
      </button>
    </form>
  );
}
