import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from './TextField';

/** Props of PasswordField: a TextField without its type. */
export type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'addon'>;

/** A password input with a Show/Hide button, so people can check what they typed. */
export function PasswordField(props: PasswordFieldProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <TextField
      {...props}
      type={shown ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="none"
      addon={
        <button
          type="button"
          className="field__toggle"
          aria-label={
            shown
              ? t('auth.form.hidePassword', { field: props.label })
              : t('auth.form.showPassword', { field: props.label })
          }
          onClick={() => setShown((value) => !value)}
        >
          {shown ? t('auth.form.hide') : t('auth.form.show')}
        </button>
      }
    />
  );
}
