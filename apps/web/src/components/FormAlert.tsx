import type { Ref } from 'react';

/** Props of FormAlert. */
export interface FormAlertProps {
  /** The message; nothing is rendered without one. */
  message: string | undefined;
  /** Lets the form move focus to the alert after a failed submit. */
  ref?: Ref<HTMLDivElement>;
  /** Tone: an error, or a confirmation that something worked. */
  tone?: 'error' | 'success';
}

/** A form-level message (server error or confirmation), announced and focusable. */
export function FormAlert({ message, ref, tone = 'error' }: FormAlertProps) {
  if (!message) return null;
  return (
    <div
      ref={ref}
      className={`form-alert form-alert--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
    >
      {message}
    </div>
  );
}
