import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useMe } from '../auth/useMe';
import { PersonRow } from './components/PersonRow';
import { AdminTable } from './components/AdminTable';
import { usePeople } from './useAdminQueries';

/** `/admin/people`: everyone with organization, role and status; change role, deactivate. */
export function PeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.people.title'));
  const people = usePeople();
  const me = useMe();
  return (
    <>
      <header className="page-header">
        <h1>{t('admin.people.title')}</h1>
        <p className="page-header__lead">{t('admin.people.lead')}</p>
      </header>
      {people.isError ? <ErrorState title={t('admin.loadError')} error={people.error} /> : null}
      {people.isPending ? <LoadingState label={t('admin.loading')} /> : null}
      {people.data ? (
        <AdminTable
          caption={t('admin.people.tableCaption', { count: people.data.length })}
          columns={[
            t('admin.people.person'),
            t('admin.people.organization'),
            t('admin.people.role'),
            t('admin.people.status'),
          ]}
        >
          {people.data.map((person) => (
            <PersonRow key={person.id} person={person} isSelf={person.id === me.data?.user.id} />
          ))}
        </AdminTable>
      ) : null}
    </>
  );
}
