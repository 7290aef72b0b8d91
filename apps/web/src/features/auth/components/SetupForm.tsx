import { useTranslation } from 'react-i18next';
import { CheckedForm } from '../../../components/CheckedForm';
import { TextField } from '../../../components/TextField';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { completeSetup } from '../../../lib/accountApi';
import { formText } from '../../../lib/formData';
import { useAccountCreation } from '../useAccountCreation';
import { NewAccountSettingsNote } from './NewAccountSettingsNote';
import { NewPasswordField, newPasswordError } from './NewPasswordField';
import { weakPasswordText } from './weakPasswordText';

/** Creates the first administrator through the one-time setup link. */
export function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const form = useCheckedForm(
    (data) => {
      const values = {
        email: formText(data, 'email').trim(),
        name: formText(data, 'name').trim(),
        password: formText(data, 'password'),
      };
      const errors = {
        email: values.email ? undefined : t('auth.form.emailRequired'),
        name: values.name ? undefined : t('auth.form.nameRequired'),
        password: newPasswordError(values.password, t),
      };
      return { values, errors };
    },
    (error) => ({ password: weakPasswordText(error, t) }),
  );
  const mutation = useAccountCreation<{ email: string; name: string; password: string }>((input) =>
    completeSetup(token, input),
  );

  return (
    <CheckedForm {...form.propsFor(mutation)} submitLabel={t('auth.setup.submit')}>
      <TextField
        label={t('auth.form.email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={form.errors.email}
      />
      <TextField
        label={t('auth.form.name')}
        name="name"
        autoComplete="name"
        required
        error={form.errors.name}
      />
      <NewPasswordField name="password" error={form.errors.password} />
      <NewAccountSettingsNote />
    </CheckedForm>
  );
}
