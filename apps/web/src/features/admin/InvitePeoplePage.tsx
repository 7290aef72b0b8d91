import { useTranslation } from 'react-i18next';
import './admin.css';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useMe } from '../auth/useMe';
import { Forbidden } from './components/Forbidden';
import { InvitationsPanel } from './components/InvitationsPanel';

/**
 * `/invite-people`: coordinators invite members or viewers of their programs' organizations;
 * an administrator who comes here may invite anyone, and reads so.
 */
export function InvitePeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.invitePeople.title'));
  const me = useMe();
  if (!me.data) return <LoadingState label={t('admin.loading')} />;
  if (!me.data.abilities.invite) return <Forbidden />;
  return (
    <div className="page admin-page">
      <header className="page-header">
        <h1>{t('admin.invitePeople.title')}</h1>
        <p className="page-header__lead">
          {me.data.abilities.administer
            ? t('admin.invitePeople.leadAdmin')
            : t('admin.invitePeople.lead')}
        </p>
      </header>
      <InvitationsPanel />
    </div>
  );
}
