import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorCodes } from '@mesa/shared';
import { CheckedForm } from '../../../components/CheckedForm';
import { PasswordField } from '../../../components/PasswordField';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { changePassword } from '../../../lib/accountApi';
import { ApiError } from '../../../lib/api';
import { NewPasswordField, newPasswordError } from '../../auth/components/NewPasswordField';
import { weakPasswordText } from '../../auth/components/weakPasswordText';
import { authKeys } from '../../auth/queryKeys';
import { formText } from '../../../lib/formData';

type FieldErrors = Partial<Record<'currentPassword' | 'newPassword', string>>;

/** Server refusals that belong to one field rather than to the whole form. */
function fieldErrorOf(error: unknown, t: TFunction): FieldErrors {
  if (error instanceof ApiError && error.code === ErrorCodes.invalidCredentials) {
    return { currentPassword: t('profile.wrongPassword') };
  }
  return { newPassword: weakPasswordText(error, t) };
}

/** Changes the password; every other session ends, which the confirmation says. */
export function PasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useCheckedForm(
    (data) => {
      const values = {
        currentPassword: formText(data, 'currentPassword'),
        newPassword: formText(data, 'newPassword'),
      };
      const errors: FieldErrors = {
        currentPassword: values.currentPassword ? undefined : t('auth.form.passwordRequired'),
        newPassword: newPasswordError(values.newPassword, t),
      };
      return { values, errors };
    },
    (error) => fieldErrorOf(error, t),
  );
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      form.formRef.current?.reset();
      return queryClient.invalidateQueries({ queryKey: authKeys.sessions });
    },
  });

  return (
    <CheckedForm
      {...form.propsFor(mutation)}
      success={mutation.isSuccess ? t('profile.passwordChanged') : undefined}
      submitLabel={t('profile.changePassword')}
    >
      <PasswordField
        label={t('profile.currentPassword')}
        name="currentPassword"
        autoComplete="current-password"
        required
        error={form.errors.currentPassword}
      />
      <NewPasswordField
        name="newPassword"
        label={t('profile.newPassword')}
        error={form.errors.newPassword}
      />
    </CheckedForm>
  );
}
