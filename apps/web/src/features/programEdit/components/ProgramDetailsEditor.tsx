import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Program } from '@mesa/shared';
import '../programEdit.css';
import { FormAlert } from '../../../components/FormAlert';
import { useSaveProgram } from '../useSaveProgram';
import { ProgramDetailsForm } from './ProgramDetailsForm';

/** Props of ProgramDetailsEditor. */
export interface ProgramDetailsEditorProps {
  /** The program; its `abilities.editDetails` decides whether anything is shown. */
  program: Program;
}

/** "Edit details" for people allowed to; nothing at all for everyone else. */
export function ProgramDetailsEditor({ program }: ProgramDetailsEditorProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const save = useSaveProgram();
  if (!program.abilities.editDetails) return null;
  const close = (didSave: boolean) => {
    setEditing(false);
    setSaved(didSave);
    // Back to the button that opened the form, once it is rendered again.
    window.setTimeout(() => buttonRef.current?.focus(), 0);
  };
  if (!editing) {
    return (
      <div className="program-edit">
        <FormAlert tone="success" message={saved ? t('programEdit.saved') : undefined} />
        <button
          ref={buttonRef}
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {t('programEdit.edit')}
        </button>
      </div>
    );
  }
  return (
    <section className="program-edit" aria-labelledby="program-edit-heading">
      <h2 id="program-edit-heading">{t('programEdit.editHeading')}</h2>
      <ProgramDetailsForm
        program={program}
        submitLabel={t('programEdit.save')}
        onSave={async (input) => {
          await save(input, program.id);
          close(true);
        }}
        onCancel={() => close(false)}
      />
    </section>
  );
}
