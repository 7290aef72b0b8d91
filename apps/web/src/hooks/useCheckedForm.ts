import { useState, type FormEvent } from 'react';
import { useFormFocus } from './useFormFocus';

/** What a form's check found: the values to send, and a message per invalid field. */
export interface Checked<V, F extends string> {
  values: V;
  errors: Partial<Record<F, string | undefined>>;
}

/** Puts a server refusal on the fields it concerns (none: it stays a form-level message). */
export type FieldErrorsOf<F extends string> = (
  error: unknown,
) => Partial<Record<F, string | undefined>>;

const anyError = (errors: Partial<Record<string, string | undefined>>) =>
  Object.values(errors).some(Boolean);

/**
 * A form checked in the browser before anything is sent: `check` reads the fields; when a
 * field is invalid its message shows and focus moves to it, otherwise `send` gets the values.
 * `failed()` (from useFormFocus) is for a refusal by the server; `fieldErrorsOf` says which
 * refusals belong to a field — those show at the field (which gets focus), not in the alert.
 */
export function useCheckedForm<V, F extends string>(
  check: (data: FormData) => Checked<V, F>,
  fieldErrorsOf?: FieldErrorsOf<F>,
) {
  const { formRef, alertRef, failed } = useFormFocus();
  const [errors, setErrors] = useState<Partial<Record<F, string | undefined>>>({});
  const handleSubmit = (send: (values: V) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = check(new FormData(event.currentTarget));
    setErrors(found.errors);
    if (anyError(found.errors)) return failed();
    send(found.values);
  };
  /**
   * CheckedForm's props for a form whose values go to `mutation`: its error and progress show,
   * and a refusal by the server moves focus like an invalid field does. `onSuccess` runs after
   * a send that worked (e.g. to empty the form).
   */
  const propsFor = (
    mutation: {
      mutate: (
        values: V,
        options: { onError: (error: unknown) => void; onSuccess?: () => void },
      ) => void;
      error: unknown;
      isPending: boolean;
    },
    onSuccess?: () => void,
  ) => {
    const onError = (error: unknown) => {
      const atFields = fieldErrorsOf?.(error) ?? {};
      if (anyError(atFields)) setErrors(atFields);
      failed();
    };
    const atFields = mutation.error ? (fieldErrorsOf?.(mutation.error) ?? {}) : {};
    return {
      formRef,
      alertRef,
      onSubmit: handleSubmit((values) => mutation.mutate(values, { onError, onSuccess })),
      // A refusal shown at its field is not repeated above the form.
      error: anyError(atFields) ? null : mutation.error,
      pending: mutation.isPending,
    };
  };
  return { formRef, alertRef, failed, errors, setErrors, handleSubmit, propsFor };
}
