import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './Field';

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
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <div className="field__control">
          <input className="field__input" {...control} {...input} />
          {addon}
        </div>
      )}
    </Field>
  );
}
