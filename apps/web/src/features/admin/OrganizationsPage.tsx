import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { sortByName } from '../../lib/names';
import { useOrganizations } from '../portfolio/useOrganizations';
import { CreateOrganizationForm } from './components/CreateOrganizationForm';
import { OrganizationRow } from './components/OrganizationRow';
import { AdminTable } from './components/AdminTable';

/** `/admin/organizations`: every organization with its kind; create and rename. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('admin.orgs.title'));
  const organizations = useOrganizations();
  return (
    <>
      <header className="page-header">
        <h1>{t('admin.orgs.title')}</h1>
        <p className="page-header__lead">{t('admin.orgs.lead')}</p>
      </header>
      <Card labelledBy="org-create">
        <h2 id="org-create">{t('admin.orgs.createHeading')}</h2>
        <CreateOrganizationForm />
      </Card>
      {organizations.isError ? (
        <ErrorState title={t('admin.loadError')} error={organizations.error} />
      ) : null}
      {organizations.data ? (
        <AdminTable
          caption={t('admin.orgs.tableCaption', { count: organizations.data.length })}
          columns={[
            t('admin.orgs.name'),
            t('admin.orgs.kind'),
            t('admin.orgs.country'),
            t('admin.organizations.iatiIdentifier'),
          ]}
        >
          {sortByName(organizations.data, locale).map((organization) => (
            <OrganizationRow key={organization.id} organization={organization} />
          ))}
        </AdminTable>
      ) : null}
      {organizations.isPending ? <LoadingState label={t('admin.loading')} /> : null}
    </>
  );
}
