import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { isApiErrorStatus } from '../../lib/api';
import { signInPath } from './nextPath';
import { useMe } from './useMe';

/** Shows its child routes to a signed-in person; anyone else goes to sign in and comes back. */
export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (isApiErrorStatus(me.error, 401)) {
    return <Navigate replace to={signInPath(location)} />;
  }
  if (me.data) return <Outlet />;
  if (me.isError) {
    return (
      <div className="page">
        <ErrorState
          level={1}
          title={t('auth.sessionError')}
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      </div>
    );
  }
  return <LoadingState label={t('auth.checkingSession')} />;
}
