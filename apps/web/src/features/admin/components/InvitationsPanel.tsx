import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { LoadingState } from '../../../components/LoadingState';
import { useOrganizations } from '../../portfolio/useOrganizations';
import { useInvitationOptions } from '../useAdminQueries';
import { CreateInvitationForm } from './CreateInvitationForm';
import { PendingInvitations } from './PendingInvitations';

/**
 * The invitation form, offering exactly the roles and organizations the server allows this
 * person (all for administrators; members and viewers of their programs' organizations for
 * coordinators), and the pending list.
 */
export function InvitationsPanel() {
  const { t } = useTranslation();
  const options = useInvitationOptions();
  // Every organization, to name those of pending invitations.
  const organizations = useOrganizations();
  const error = options.error ?? organizations.error;
  if (error) return <ErrorState title={t('admin.loadError')} error={error} />;
  if (!options.data || !organizations.data) return <LoadingState label={t('admin.loading')} />;
  return (
    <>
      <Card labelledBy="invite-create">
        <h2 id="invite-create">{t('admin.invitations.createHeading')}</h2>
        <p className="muted">{t('admin.invitations.noEmail')}</p>
        <CreateInvitationForm
          roles={options.data.roles}
          organizations={options.data.organizations}
        />
      </Card>
      <Card labelledBy="invite-pending">
        <h2 id="invite-pending">{t('admin.invitations.pendingHeading')}</h2>
        <PendingInvitations organizations={organizations.data} />
      </Card>
    </>
  );
}
