import type { SelectHTMLAttributes } from 'react';
import { Field } from './Field';

/** One choice of a SelectField. */
export interface SelectOption {
  /** Submitted value. */
  value: string;
  /** Visible text. */
  label: string;
}

/** Props of SelectField. */
export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  /** Visible label. */
  label: string;
  /** The choices, in order. */
  options: readonly SelectOption[];
  /** Advice shown below the label. */
  hint?: string;
  /** What is wrong with the choice. */
  error?: string;
}

/** A labelled native select whose hint and error are linked with aria-describedby. */
export function SelectField({
  label,
  options,
  hint,
  error,
  className,
  ...select
}: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select className="field__input field__select" {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
