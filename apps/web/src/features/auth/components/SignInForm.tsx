import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CheckedForm } from '../../../components/CheckedForm';
import { PasswordField } from '../../../components/PasswordField';
import { TextField } from '../../../components/TextField';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { signIn } from '../../../lib/accountApi';
import { formText } from '../../../lib/formData';

/** Email and password; on success the person lands on `next`, in their own language. */
export function SignInForm({ next }: { next: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useCheckedForm((data) => {
    const values = { email: formText(data, 'email').trim(), password: formText(data, 'password') };
    const errors = {
      email: values.email ? undefined : t('auth.form.emailRequired'),
      password: values.password ? undefined : t('auth.form.passwordRequired'),
    };
    return { values, errors };
  });
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: async (user) => {
      await i18n.changeLanguage(user.locale);
      await queryClient.resetQueries();
      await navigate(next, { replace: true });
    },
  });

  return (
    <CheckedForm
      {...form.propsFor(mutation)}
      submitLabel={mutation.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
    >
      <TextField
        label={t('auth.form.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        error={form.errors.email}
      />
      <PasswordField
        label={t('auth.form.password')}
        name="password"
        autoComplete="current-password"
        required
        error={form.errors.password}
      />
    </CheckedForm>
  );
}
