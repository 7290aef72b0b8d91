import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import './auth.css';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { fetchInvitationPreview, type InvitationPreview } from '../../lib/accountApi';
import { browserTimeZone, formatDateTime } from '../../lib/intl';
import { AuthCard } from './components/AuthCard';
import { InvitationForm } from './components/InvitationForm';
import { LinkProblem } from './components/LinkProblem';
import { linkKeys } from './queryKeys';

function InvitationFacts({ invitation }: { invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="auth-facts">
      <div>
        <dt>{t('auth.form.email')}</dt>
        <dd>{invitation.email}</dd>
      </div>
      <div>
        <dt>{t('auth.invitation.organization')}</dt>
        <dd>{invitation.organizationName[locale]}</dd>
      </div>
      <div>
        <dt>{t('auth.invitation.role')}</dt>
        <dd>{t(`auth.roles.${invitation.role}`)}</dd>
      </div>
      <div>
        <dt>{t('auth.invitation.expires')}</dt>
        <dd>{formatDateTime(invitation.expiresAt, locale, browserTimeZone())}</dd>
      </div>
    </dl>
  );
}

/** `/invite/:token`: what the invitation offers, then a name and password to accept it. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('auth.invitation.title'));
  const preview = useQuery({
    queryKey: linkKeys.invitation(token),
    queryFn: ({ signal }) => fetchInvitationPreview(token, signal),
    retry: false,
  });
  if (preview.isError) {
    return (
      <LinkProblem
        error={preview.error}
        deadTitle={t('auth.invitation.deadTitle')}
        deadBody={t('auth.invitation.deadBody')}
        onRetry={() => void preview.refetch()}
      />
    );
  }
  if (!preview.data) return <LoadingState label={t('auth.checkingLink')} />;
  return (
    <AuthCard title={t('auth.invitation.title')} lead={t('auth.invitation.lead')}>
      <InvitationFacts invitation={preview.data} />
      <InvitationForm token={token} />
    </AuthCard>
  );
}
