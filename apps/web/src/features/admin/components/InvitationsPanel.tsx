import { useTranslation } from 'react-i18next';
import { Roles, type Role } from '@mesa/shared';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { LoadingState } from '../../../components/LoadingState';
import type { Me } from '../../../lib/accountApi';
import { useOrganizations } from '../../portfolio/useOrganizations';
import { CreateInvitationForm } from './CreateInvitationForm';
import { PendingInvitations } from './PendingInvitations';

// Coordinators invite members and viewers only; the server enforces it, the form just says so.
const COORDINATOR_ROLES: readonly Role[] = ['member', 'viewer'];

/** The invitation form and the pending list, with the roles the person's abilities allow. */
export function InvitationsPanel({ me }: { me: Me }) {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const roles = me.abilities.administer ? Roles : COORDINATOR_ROLES;
  if (organizations.isError)
    return <ErrorState title={t('admin.loadError')} error={organizations.error} />;
  if (!organizations.data) return <LoadingState label={t('admin.loading')} />;
  return (
    <>
      <Card labelledBy="invite-create">
        <h2 id="invite-create">{t('admin.invitations.createHeading')}</h2>
        <p className="muted">{t('admin.invitations.noEmail')}</p>
        <CreateInvitationForm roles={roles} organizations={organizations.data} />
      </Card>
      <Card labelledBy="invite-pending">
        <h2 id="invite-pending">{t('admin.invitations.pendingHeading')}</h2>
        <PendingInvitations organizations={organizations.data} />
      </Card>
    </>
  );
}
