import type { FormEvent, ReactNode, RefObject } from 'react';
import { useErrorText } from '../hooks/useErrorText';
import { FormAlert } from './FormAlert';

/** Props of CheckedForm. */
export interface CheckedFormProps {
  /** From useCheckedForm: the form, to find its first invalid field after a failed submit. */
  formRef: RefObject<HTMLFormElement | null>;
  /** From useCheckedForm: the alert, focused after a refusal that belongs to no field. */
  alertRef: RefObject<HTMLDivElement | null>;
  /** From useCheckedForm's handleSubmit. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The server's refusal, shown above the fields (null when there is none to show). */
  error: unknown;
  /** A confirmation shown above the fields once the request succeeded. */
  success?: string;
  /** While the request runs the button is disabled (and may say so). */
  pending: boolean;
  submitLabel: string;
  className?: string;
  /** Time zone for times in error messages (default: the browser's). */
  timeZone?: string;
  children: ReactNode;
}

/**
 * A form's frame: the alert for a server refusal (announced, focused after a failure), an
 * optional confirmation, the fields, and the submit button. The browser's own validation is
 * off: fields show the interface's messages, in the interface's language.
 */
export function CheckedForm(props: CheckedFormProps) {
  const { formRef, alertRef, onSubmit, error, success, pending, submitLabel } = props;
  const errorText = useErrorText(props.timeZone);
  return (
    <form ref={formRef} className={props.className ?? 'form'} noValidate onSubmit={onSubmit}>
      <FormAlert ref={alertRef} message={error ? errorText(error) : undefined} />
      <FormAlert tone="success" message={success} />
      {props.children}
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
