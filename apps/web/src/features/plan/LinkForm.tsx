import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeLinkUrl } from './linkUrl';

/** Props of LinkForm. */
export interface LinkFormProps {
  /** The link at the selection, if any. */
  initial: string;
  /** Stores a validated address on the selection. */
  onApply: (href: string) => void;
  /** Removes the link at the selection. */
  onRemove: () => void;
  /** Closes the form without changes. */
  onCancel: () => void;
}

/** The link field: refuses anything but http, https and mailto, and says why. */
export function LinkForm({ initial, onApply, onRemove, onCancel }: LinkFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = normalizeLinkUrl(value);
    if (href === null) return setInvalid(true);
    onApply(href);
  };
  return (
    <form className="link-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-url`}>{t('plan.link.label')}</label>
      <input
        id={`${id}-url`}
        type="url"
        inputMode="url"
        value={value}
        placeholder={t('plan.link.placeholder')}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        autoFocus
        onChange={(event) => {
          setValue(event.target.value);
          setInvalid(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <button type="submit" className="button button--small">
        {t('plan.link.apply')}
      </button>
      {initial ? (
        <button type="button" className="button button--small button--secondary" onClick={onRemove}>
          {t('plan.link.remove')}
        </button>
      ) : null}
      <button type="button" className="button button--small button--secondary" onClick={onCancel}>
        {t('plan.link.cancel')}
      </button>
      {invalid ? (
        <p id={`${id}-error`} className="link-form__error" role="alert">
          {t('plan.link.invalid')}
        </p>
      ) : null}
    </form>
  );
}
