import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateProgramInput, Program } from '@mesa/shared';
import { FormAlert } from '../../../components/FormAlert';
import { useErrorText } from '../../../hooks/useErrorText';
import { useFormFocus } from '../../../hooks/useFormFocus';
import { readProgramForm, type ProgramField } from '../programForm';
import { ProgramDetailsFields } from './ProgramDetailsFields';

/** Props of ProgramDetailsForm. */
export interface ProgramDetailsFormProps {
  /** The program edited, or undefined to create one. */
  program?: Program;
  /** Saves the input; rejects with an ApiError on refusal. */
  onSave: (input: CreateProgramInput) => Promise<unknown>;
  /** Leaves the form without saving. */
  onCancel: () => void;
  /** The submit button's text. */
  submitLabel: string;
}

/** The details form of a program, checked with the shared schema before it is sent. */
export function ProgramDetailsForm(props: ProgramDetailsFormProps) {
  const { program, onSave, onCancel, submitLabel } = props;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { formRef, alertRef, failed } = useFormFocus();
  const [invalid, setInvalid] = useState<ProgramField[]>([]);
  const [serverError, setServerError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = readProgramForm(new FormData(event.currentTarget));
    setServerError(null);
    if (!result.ok) {
      setInvalid(result.invalid);
      return failed();
    }
    setInvalid([]);
    setSaving(true);
    try {
      await onSave(result.input);
    } catch (error) {
      setServerError(error);
      failed();
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} className="form program-form" noValidate onSubmit={(e) => void submit(e)}>
      <FormAlert ref={alertRef} message={serverError ? errorText(serverError) : undefined} />
      <ProgramDetailsFields program={program} invalid={invalid} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving}>
          {submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('programEdit.cancel')}
        </button>
      </div>
    </form>
  );
}
