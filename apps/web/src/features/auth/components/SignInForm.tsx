import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { PasswordField } from '../../../components/PasswordField';
import { TextField } from '../../../components/TextField';
import { useErrorText } from '../../../hooks/useErrorText';
import { useFormFocus } from '../../../hooks/useFormFocus';
import { signIn } from '../../../lib/accountApi';
import { formText } from '../../../lib/formData';

interface FieldErrors {
  email?: string;
  password?: string;
}

/** Email and password; on success the person lands on `next`, in their own language. */
export function SignInForm({ next }: { next: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { formRef, alertRef, failed } = useFormFocus();
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: async (user) => {
      await i18n.changeLanguage(user.locale);
      await queryClient.resetQueries();
      await navigate(next, { replace: true });
    },
    onError: failed,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = formText(data, 'email').trim();
    const password = formText(data, 'password');
    const found: FieldErrors = {};
    if (!email) found.email = t('auth.form.emailRequired');
    if (!password) found.password = t('auth.form.passwordRequired');
    setErrors(found);
    if (found.email || found.password) return failed();
    mutation.mutate({ email, password });
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert
        ref={alertRef}
        message={mutation.isError ? errorText(mutation.error) : undefined}
      />
      <TextField
        label={t('auth.form.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        error={errors.email}
      />
      <PasswordField
        label={t('auth.form.password')}
        name="password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <button type="submit" className="button" disabled={mutation.isPending}>
        {mutation.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
      </button>
    </form>
  );
}
