import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@mesa/shared';
import { FormAlert } from '../../../components/FormAlert';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { useErrorText } from '../../../hooks/useErrorText';
import { useLocale } from '../../../i18n/useLocale';
import { renameOrganization } from '../../../lib/adminApi';
import { portfolioKeys } from '../../portfolio/queryKeys';
import { otherLocale } from '../../portfolio/localizedTitle';
import { useAdminMutation } from '../useAdminMutation';
import { AdminCell } from './AdminCell';
import { OrganizationIatiField } from './OrganizationIatiField';
import {
  OrganizationNameFields,
  nameTakenError,
  readOrganizationNames,
  type OrganizationNamesInput,
} from './OrganizationNameFields';

function RenameForm({ organization, onDone }: { organization: Organization; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { formRef, alertRef, errors, failed, handleSubmit } = useCheckedForm((data) =>
    readOrganizationNames(data, t),
  );
  const mutation = useAdminMutation(
    (input: OrganizationNamesInput) => renameOrganization(organization.id, input),
    [portfolioKeys.organizations],
  );
  const taken = nameTakenError(mutation.error, t);
  const alert = mutation.isError && Object.keys(taken).length === 0;
  const submit = handleSubmit((values) =>
    mutation.mutate(values, { onSuccess: onDone, onError: failed }),
  );
  return (
    <form ref={formRef} className="form form--inline" noValidate onSubmit={submit}>
      <FormAlert ref={alertRef} message={alert ? errorText(mutation.error) : undefined} />
      <OrganizationNameFields
        organization={organization}
        errors={{ ...errors, ...taken }}
        autoFocus
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

/**
 * One organization of the table, named in the reader's language with the other language's
 * names beneath (an administrator sees at a glance one still to translate), and a Rename
 * action that opens an inline form with all four names.
 */
export function OrganizationRow({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const other = otherLocale(locale);
  const [editing, setEditing] = useState(false);
  const name = organization.name[locale];
  return (
    <tr role="row">
      <AdminCell label={t('admin.orgs.name')}>
        {editing ? (
          <RenameForm organization={organization} onDone={() => setEditing(false)} />
        ) : (
          <>
            <span className="admin-table__strong">{name}</span>
            <span className="muted"> · {organization.shortName[locale]}</span>
            <span className="admin-table__sub">
              {t('admin.orgs.inOtherLanguage')}{' '}
              <span lang={other}>
                {organization.name[other]} · {organization.shortName[other]}
              </span>
            </span>
          </>
        )}
      </AdminCell>
      <AdminCell label={t('admin.orgs.kind')}>{t(`admin.kinds.${organization.kind}`)}</AdminCell>
      <AdminCell label={t('admin.orgs.country')}>{organization.countryCode ?? '—'}</AdminCell>
      <AdminCell label={t('admin.organizations.iatiIdentifier')}>
        <OrganizationIatiField organization={organization} />
      </AdminCell>
      <td className="admin-table__actions" role="cell">
        {editing ? null : (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('admin.orgs.renameOf', { name })}
            onClick={() => setEditing(true)}
          >
            {t('admin.orgs.rename')}
          </button>
        )}
      </td>
    </tr>
  );
}
