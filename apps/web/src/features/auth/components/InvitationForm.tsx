import { useTranslation } from 'react-i18next';
import { CheckedForm } from '../../../components/CheckedForm';
import { TextField } from '../../../components/TextField';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { acceptInvitation } from '../../../lib/accountApi';
import { formText } from '../../../lib/formData';
import { useAccountCreation } from '../useAccountCreation';
import { NewAccountSettingsNote } from './NewAccountSettingsNote';
import { NewPasswordField, newPasswordError } from './NewPasswordField';
import { weakPasswordText } from './weakPasswordText';

/** Accepts an invitation with a name and a password; the account is signed in at once. */
export function InvitationForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const form = useCheckedForm(
    (data) => {
      const values = { name: formText(data, 'name').trim(), password: formText(data, 'password') };
      const errors = {
        name: values.name ? undefined : t('auth.form.nameRequired'),
        password: newPasswordError(values.password, t),
      };
      return { values, errors };
    },
    (error) => ({ password: weakPasswordText(error, t) }),
  );
  const mutation = useAccountCreation<{ name: string; password: string }>((input) =>
    acceptInvitation(token, input),
  );

  return (
    <CheckedForm {...form.propsFor(mutation)} submitLabel={t('auth.invitation.submit')}>
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
