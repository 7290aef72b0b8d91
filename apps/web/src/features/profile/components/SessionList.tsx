import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@mesa/shared';
import { ErrorState } from '../../../components/ErrorState';
import { FormAlert } from '../../../components/FormAlert';
import { LoadingState } from '../../../components/LoadingState';
import { useErrorText } from '../../../hooks/useErrorText';
import { useLocale } from '../../../i18n/useLocale';
import { formatDateTime } from '../../../lib/intl';
import { describeDevice } from '../describeDevice';
import { useEndSession, useSessions } from '../useSessions';

interface SessionRowProps {
  session: SessionInfo;
  timeZone: string;
  ending: boolean;
  onEnd: (id: string) => void;
}

function SessionRow({ session, timeZone, ending, onEnd }: SessionRowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const device = session.userAgent ? describeDevice(session.userAgent) : t('profile.unknownDevice');
  return (
    <li className="session-row">
      <div className="session-row__text">
        <p className="session-row__device">
          <span>{device}</span>
          {session.current ? <span className="badge">{t('profile.thisDevice')}</span> : null}
        </p>
        <p className="muted">
          {t('profile.sessionTimes', {
            opened: formatDateTime(session.createdAt, locale, timeZone),
            active: formatDateTime(session.lastActiveAt, locale, timeZone),
          })}
        </p>
      </div>
      {session.current ? null : (
        <button
          type="button"
          className="button button--secondary"
          disabled={ending}
          aria-label={t('profile.endSessionOf', { device })}
          onClick={() => onEnd(session.id)}
        >
          {t('profile.endSession')}
        </button>
      )}
    </li>
  );
}

/** The person's open sessions, this device first and marked, others with "End session". */
export function SessionList({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const sessions = useSessions();
  const end = useEndSession();
  const errorText = useErrorText(timeZone);
  if (sessions.isError) {
    return (
      <ErrorState
        title={t('profile.sessionsError')}
        error={sessions.error}
        onRetry={() => void sessions.refetch()}
      />
    );
  }
  if (!sessions.data) return <LoadingState label={t('profile.sessionsLoading')} />;
  const ordered = [...sessions.data].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <>
      <FormAlert message={end.isError ? errorText(end.error) : undefined} />
      <ul className="session-list">
        {ordered.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            timeZone={timeZone}
            ending={end.isPending && end.variables === session.id}
            onEnd={(id) => end.mutate(id)}
          />
        ))}
      </ul>
    </>
  );
}
