import { useTranslation } from 'react-i18next';
import type { Organization } from '@mesa/shared';
import { ErrorState } from '../../../components/ErrorState';
import { FormAlert } from '../../../components/FormAlert';
import { LoadingState } from '../../../components/LoadingState';
import { useErrorText } from '../../../hooks/useErrorText';
import { useLocale } from '../../../i18n/useLocale';
import { revokeInvitation } from '../../../lib/adminApi';
import { formatDateTime } from '../../../lib/intl';
import { useTimeZone } from '../../auth/useTimeZone';
import { adminKeys } from '../queryKeys';
import { useAdminMutation } from '../useAdminMutation';
import { useInvitations } from '../useAdminQueries';
import { AdminCell } from './AdminCell';
import { AdminTable } from './AdminTable';

/** Invitations not yet accepted, with when they expire and a Revoke button. */
export function PendingInvitations({ organizations }: { organizations: readonly Organization[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const errorText = useErrorText(timeZone);
  const invitations = useInvitations();
  const revoke = useAdminMutation(revokeInvitation, [adminKeys.invitations]);
  if (invitations.isError)
    return <ErrorState title={t('admin.loadError')} error={invitations.error} />;
  if (!invitations.data) return <LoadingState label={t('admin.loading')} />;
  if (invitations.data.length === 0) return <p className="muted">{t('admin.invitations.none')}</p>;
  const orgName = (id: string) => organizations.find((org) => org.id === id)?.name[locale] ?? id;
  const columns = [
    t('auth.form.email'),
    t('admin.invitations.role'),
    t('admin.invitations.organization'),
    t('admin.invitations.expires'),
  ] as const;
  return (
    <>
      <FormAlert message={revoke.isError ? errorText(revoke.error) : undefined} />
      <AdminTable caption={t('admin.invitations.pendingHeading')} captionHidden columns={columns}>
        {invitations.data.map((invitation) => (
          <tr key={invitation.id} role="row">
            <AdminCell label={columns[0]}>{invitation.email}</AdminCell>
            <AdminCell label={columns[1]}>{t(`auth.roles.${invitation.role}`)}</AdminCell>
            <AdminCell label={columns[2]}>{orgName(invitation.organizationId)}</AdminCell>
            <AdminCell label={columns[3]}>
              {formatDateTime(invitation.expiresAt, locale, timeZone)}
            </AdminCell>
            <td className="admin-table__actions" role="cell">
              <button
                type="button"
                className="button button--secondary"
                disabled={revoke.isPending}
                aria-label={t('admin.invitations.revokeOf', { email: invitation.email })}
                onClick={() => revoke.mutate(invitation.id)}
              >
                {t('admin.invitations.revoke')}
              </button>
            </td>
          </tr>
        ))}
      </AdminTable>
    </>
  );
}
