import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { TextField } from '../../../components/TextField';
import { useErrorText } from '../../../hooks/useErrorText';
import { useFormFocus } from '../../../hooks/useFormFocus';
import { acceptInvitation } from '../../../lib/accountApi';
import { useAccountCreation } from '../useAccountCreation';
import { NewPasswordField, newPasswordError } from './NewPasswordField';
import { formText } from '../../../lib/formData';

type FieldErrors = Partial<Record<'name' | 'password', string>>;

/** Accepts an invitation with a name and a password; the account is signed in at once. */
export function InvitationForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { formRef, alertRef, failed } = useFormFocus();
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useAccountCreation(
    (input: { name: string; password: string }) => acceptInvitation(token, input),
    failed,
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = formText(data, 'name').trim();
    const password = formText(data, 'password');
    const found: FieldErrors = {
      name: name ? undefined : t('auth.form.nameRequired'),
      password: newPasswordError(password, t),
    };
    setErrors(found);
    if (found.name || found.password) return failed();
    mutation.mutate({ name, password });
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert
        ref={alertRef}
        message={mutation.isError ? errorText(mutation.error) : undefined}
      />
      <TextField
        label={t('auth.form.name')}
        name="name"
        autoComplete="name"
        required
        error={errors.name}
      />
      <NewPasswordField name="password" error={errors.password} />
      <button type="submit" className="button" disabled={mutation.isPending}>
        {t('auth.invitation.submit')}
      </button>
    </form>
  );
}
