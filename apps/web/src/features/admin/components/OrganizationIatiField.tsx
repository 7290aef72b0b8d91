import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale';
import { IatiIdentifierSchema, type Organization } from '@mesa/shared';
import { useErrorText } from '../../../hooks/useErrorText';
import { renameOrganization } from '../../../lib/adminApi';
import { portfolioKeys } from '../../portfolio/queryKeys';
import { useAdminMutation } from '../useAdminMutation';

/**
 * An organization's IATI organisation identifier, editable in place: checked for the `XX-…`
 * shape before sending; the server's refusal (another organization has it) shown beside it.
 */
export function OrganizationIatiField({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = organization.name[locale];
  const errorText = useErrorText();
  const id = useId();
  const [value, setValue] = useState(organization.iatiIdentifier ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const mutation = useAdminMutation(
    (iatiIdentifier: string | null) => renameOrganization(organization.id, { iatiIdentifier }),
    [portfolioKeys.organizations],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const trimmed = value.trim();
    if (trimmed !== '') {
      const parsed = IatiIdentifierSchema.safeParse(trimmed);
      if (!parsed.success) {
        setError(parsed.error.issues[0]?.message ?? t('admin.organizations.iatiIdentifierHelp'));
        return;
      }
    }
    setError(null);
    mutation.mutate(trimmed === '' ? null : trimmed, {
      onSuccess: () => setSaved(true),
      onError: (e) => setError(errorText(e)),
    });
  };
  return (
    <form className="form form--inline" noValidate onSubmit={submit}>
      <label htmlFor={id}>
        {t('admin.organizations.iatiIdentifier')}
        <span className="visually-hidden">
          {' '}
          {t('admin.organizations.iatiIdentifierOf', { name })}
        </span>
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        spellCheck={false}
      />
      <span id={`${id}-help`} className="muted">
        {t('admin.organizations.iatiIdentifierHelp')}
      </span>
      {error ? (
        <span id={`${id}-error`} role="alert" className="field-error">
          {error}
        </span>
      ) : null}
      {saved ? <span role="status">{t('admin.organizations.iatiIdentifierSaved')}</span> : null}
      <button
        type="submit"
        className="button button--secondary"
        aria-label={t('admin.organizations.iatiIdentifierSaveOf', { name })}
        disabled={mutation.isPending}
      >
        {t('admin.organizations.iatiIdentifierSave')}
      </button>
    </form>
  );
}
