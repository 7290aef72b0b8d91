import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@mesa/shared';
import { FormAlert } from '../../../components/FormAlert';
import { TextField } from '../../../components/TextField';
import { useErrorText } from '../../../hooks/useErrorText';
import { renameOrganization } from '../../../lib/adminApi';
import { portfolioKeys } from '../../portfolio/queryKeys';
import { useAdminMutation } from '../useAdminMutation';
import { AdminCell } from './AdminCell';
import { formText } from '../../../lib/formData';

function RenameForm({ organization, onDone }: { organization: Organization; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const mutation = useAdminMutation(
    (input: { name: string; shortName: string }) => renameOrganization(organization.id, input),
    [portfolioKeys.organizations],
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = formText(data, 'name').trim();
    const shortName = formText(data, 'shortName').trim();
    if (!name || !shortName) return;
    mutation.mutate({ name, shortName }, { onSuccess: onDone });
  };
  return (
    <form className="form form--inline" onSubmit={submit}>
      <FormAlert message={mutation.isError ? errorText(mutation.error) : undefined} />
      <TextField
        label={t('admin.orgs.name')}
        name="name"
        defaultValue={organization.name}
        required
        autoFocus
      />
      <TextField
        label={t('admin.orgs.shortName')}
        name="shortName"
        defaultValue={organization.shortName}
        required
        maxLength={40}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {t('admin.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One organization of the table, with a Rename action that opens an inline form. */
export function OrganizationRow({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <tr role="row">
      <AdminCell label={t('admin.orgs.name')}>
        {editing ? (
          <RenameForm organization={organization} onDone={() => setEditing(false)} />
        ) : (
          <>
            <span className="admin-table__strong">{organization.name}</span>
            <span className="muted"> · {organization.shortName}</span>
          </>
        )}
      </AdminCell>
      <AdminCell label={t('admin.orgs.kind')}>{t(`admin.kinds.${organization.kind}`)}</AdminCell>
      <AdminCell label={t('admin.orgs.country')}>{organization.countryCode ?? '—'}</AdminCell>
      <td className="admin-table__actions" role="cell">
        {editing ? null : (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('admin.orgs.renameOf', { name: organization.name })}
            onClick={() => setEditing(true)}
          >
            {t('admin.orgs.rename')}
          </button>
        )}
      </td>
    </tr>
  );
}
