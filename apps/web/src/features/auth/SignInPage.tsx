import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import './auth.css';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { AuthCard } from './components/AuthCard';
import { SignInForm } from './components/SignInForm';
import { NEXT_PARAM, safeNextPath } from './nextPath';
import { useMe } from './useMe';

/** `/sign-in`: email and password, then back to where the person was going. */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get(NEXT_PARAM));
  const me = useMe();
  useDocumentTitle(t('auth.signIn.title'));
  // Someone already signed in (another tab, the back button) has nothing to do here.
  if (me.data) return <Navigate replace to={next} />;
  return (
    <AuthCard title={t('auth.signIn.title')} lead={t('auth.signIn.lead')}>
      <SignInForm next={next} />
      <p className="auth-card__note">{t('auth.signIn.noAccount')}</p>
    </AuthCard>
  );
}
