import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveVersion } from './useVersions';

/** Saves the live plan under a name ("Draft sent to donors"). */
export function SaveVersionForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const save = useSaveVersion(programId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    save.mutate(trimmed, { onSuccess: () => setName('') });
  };
  return (
    <form className="save-version" onSubmit={submit}>
      <label htmlFor={id}>{t('plan.versions.nameLabel')}</label>
      <input
        id={id}
        value={name}
        maxLength={120}
        required
        placeholder={t('plan.versions.namePlaceholder')}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button button--small" disabled={save.isPending}>
        {t('plan.versions.save')}
      </button>
      <p role="status" className="save-version__result">
        {save.isPending ? t('plan.versions.saving') : null}
        {save.isSuccess ? t('plan.versions.saved') : null}
        {save.isError ? t('plan.versions.saveError') : null}
      </p>
    </form>
  );
}
