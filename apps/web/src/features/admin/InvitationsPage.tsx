import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { InvitationsPanel } from './components/InvitationsPanel';

/** `/admin/invitations`: invite anyone, list pending invitations, revoke them. */
export function InvitationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.invitations.title'));
  return (
    <>
      <header className="page-header">
        <h1>{t('admin.invitations.title')}</h1>
        <p className="page-header__lead">{t('admin.invitations.lead')}</p>
      </header>
      <InvitationsPanel />
    </>
  );
}
