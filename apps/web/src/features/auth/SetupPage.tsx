import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import './auth.css';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { checkSetupLink } from '../../lib/accountApi';
import { AuthCard } from './components/AuthCard';
import { LinkProblem } from './components/LinkProblem';
import { linkKeys } from './queryKeys';
import { SetupForm } from './components/SetupForm';

/** `/setup/:token`: the one-time link printed at first start creates the first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('auth.setup.title'));
  const link = useQuery({
    queryKey: linkKeys.setup(token),
    queryFn: ({ signal }) => checkSetupLink(token, signal),
    retry: false,
  });
  if (link.isError) {
    return (
      <LinkProblem
        error={link.error}
        deadTitle={t('auth.setup.deadTitle')}
        deadBody={t('auth.setup.deadBody')}
        onRetry={() => void link.refetch()}
      />
    );
  }
  if (!link.data) return <LoadingState label={t('auth.checkingLink')} />;
  return (
    <AuthCard title={t('auth.setup.title')} lead={t('auth.setup.lead')}>
      <SetupForm token={token} />
    </AuthCard>
  );
}
