import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorCodes } from '@mesa/shared';
import { FormAlert } from '../../../components/FormAlert';
import { PasswordField } from '../../../components/PasswordField';
import { useErrorText } from '../../../hooks/useErrorText';
import { useFormFocus } from '../../../hooks/useFormFocus';
import { changePassword } from '../../../lib/accountApi';
import { ApiError } from '../../../lib/api';
import { NewPasswordField, newPasswordError } from '../../auth/components/NewPasswordField';
import { authKeys } from '../../auth/queryKeys';
import { formText } from '../../../lib/formData';

type FieldErrors = Partial<Record<'currentPassword' | 'newPassword', string>>;

/** Server refusals that belong to one field rather than to the whole form. */
function fieldErrorOf(error: unknown, t: (key: 'profile.wrongPassword') => string): FieldErrors {
  if (error instanceof ApiError && error.code === ErrorCodes.invalidCredentials) {
    return { currentPassword: t('profile.wrongPassword') };
  }
  return {};
}

/** Changes the password; every other session ends, which the confirmation says. */
export function PasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { formRef, alertRef, failed } = useFormFocus();
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      formRef.current?.reset();
      return queryClient.invalidateQueries({ queryKey: authKeys.sessions });
    },
    onError: (error) => {
      setErrors(fieldErrorOf(error, t));
      failed();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const currentPassword = formText(data, 'currentPassword');
    const newPassword = formText(data, 'newPassword');
    const found: FieldErrors = {
      currentPassword: currentPassword ? undefined : t('auth.form.passwordRequired'),
      newPassword: newPasswordError(newPassword, t),
    };
    setErrors(found);
    if (found.currentPassword || found.newPassword) return failed();
    mutation.mutate({ currentPassword, newPassword });
  };

  const fieldLevel = Object.keys(fieldErrorOf(mutation.error, t)).length > 0;
  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert
        ref={alertRef}
        message={mutation.isError && !fieldLevel ? errorText(mutation.error) : undefined}
      />
      <FormAlert
        tone="success"
        message={mutation.isSuccess ? t('profile.passwordChanged') : undefined}
      />
      <PasswordField
        label={t('profile.currentPassword')}
        name="currentPassword"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <NewPasswordField
        name="newPassword"
        label={t('profile.newPassword')}
        error={errors.newPassword}
      />
      <button type="submit" className="button" disabled={mutation.isPending}>
        {t('profile.changePassword')}
      </button>
    </form>
  );
}
