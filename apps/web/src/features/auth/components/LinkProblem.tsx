import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { isApiErrorStatus } from '../../../lib/api';

/** Props of LinkProblem. */
export interface LinkProblemProps {
  /** Why the link was refused (404 = used, revoked or expired). */
  error: unknown;
  /** Heading when the link no longer works. */
  deadTitle: string;
  /** What to do about a dead link. */
  deadBody: string;
  /** Retries a failure that was not the link's fault. */
  onRetry: () => void;
}

/** What to show when a setup or invitation link cannot be used. */
export function LinkProblem({ error, deadTitle, deadBody, onRetry }: LinkProblemProps) {
  const { t } = useTranslation();
  if (isApiErrorStatus(error, 404)) {
    return (
      <div className="page">
        <EmptyState
          level={1}
          title={deadTitle}
          body={deadBody}
          action={<Link to="/sign-in">{t('auth.goToSignIn')}</Link>}
        />
      </div>
    );
  }
  return (
    <div className="page">
      <ErrorState level={1} title={t('auth.linkCheckFailed')} error={error} onRetry={onRetry} />
    </div>
  );
}
