import { useTranslation } from 'react-i18next';
import { Locales, type User } from '@mesa/shared';
import { CheckedForm } from '../../../components/CheckedForm';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { TimeZonePicker } from '../../../components/TimeZonePicker';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { asLocale } from '../../../i18n/language';
import { useUpdateProfile } from '../useUpdateProfile';
import { formText } from '../../../lib/formData';

/** Name, interface language and time zone of the signed-in person. */
export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const form = useCheckedForm((data) => {
    const values = {
      name: formText(data, 'name').trim(),
      locale: asLocale(formText(data, 'locale')),
      timeZone: formText(data, 'timeZone'),
    };
    return { values, errors: { name: values.name ? undefined : t('auth.form.nameRequired') } };
  });
  const mutation = useUpdateProfile();

  return (
    <CheckedForm
      {...form.propsFor(mutation)}
      success={mutation.isSuccess ? t('profile.saved') : undefined}
      submitLabel={t('profile.save')}
      timeZone={user.timeZone}
    >
      <TextField
        label={t('auth.form.name')}
        name="name"
        autoComplete="name"
        defaultValue={user.name}
        required
        error={form.errors.name}
      />
      <SelectField
        label={t('profile.language')}
        name="locale"
        defaultValue={user.locale}
        options={Locales.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
      />
      <TimeZonePicker
        label={t('profile.timeZone')}
        hint={t('profile.timeZoneHint')}
        name="timeZone"
        defaultValue={user.timeZone}
      />
    </CheckedForm>
  );
}
