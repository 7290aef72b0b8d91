import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** Props of TextField: a labelled input plus any input attribute. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  /** Visible label. */
  label: string;
  /** Advice shown below the label before anything goes wrong (e.g. the password rule). */
  hint?: string;
  /** What is wrong with the value, shown and announced with the field. */
  error?: string;
  /** Something placed beside the input, e.g. a show-password button. */
  addon?: ReactNode;
}

/** A labelled input whose hint and error are linked with aria-describedby. */
export function TextField({ label, hint, error, addon, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="field__control">
        <input
          id={id}
          className="field__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
        {addon}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
