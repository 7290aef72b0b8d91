import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Limits } from '@mesa/shared';
import { PasswordField } from '../../../components/PasswordField';

/** Props of NewPasswordField. */
export interface NewPasswordFieldProps {
  /** Form field name. */
  name: string;
  /** What is wrong with the value. */
  error?: string;
  /** Visible label; "Password" by default. */
  label?: string;
}

/** The client-side check of a new password: the length rule, shown up front in the hint. */
export function newPasswordError(password: string, t: TFunction): string | undefined {
  if (password.length >= Limits.passwordMinLength) return undefined;
  return t('auth.form.passwordTooShort', { count: Limits.passwordMinLength });
}

/** A new-password input with the 12-character rule stated before anyone types. */
export function NewPasswordField({ name, error, label }: NewPasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <PasswordField
      label={label ?? t('auth.form.password')}
      hint={t('auth.form.passwordRule', { count: Limits.passwordMinLength })}
      name={name}
      autoComplete="new-password"
      required
      minLength={Limits.passwordMinLength}
      maxLength={Limits.passwordMaxLength}
      error={error}
    />
  );
}
