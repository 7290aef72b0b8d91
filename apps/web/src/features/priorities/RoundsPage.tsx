import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import './priorities.css';
import type { Round } from '@mesa/shared';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { EmptyState } from '../../components/EmptyState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { useMe } from '../auth/useMe';
import { useTimeZone } from '../auth/useTimeZone';
import { OpenRoundForm } from './OpenRoundForm';
import { useLiveRounds, useRounds } from './usePriorities';

function RoundItem({ round }: { round: Round }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const voted = round.delegations.filter((d) => d.voted).length;
  const when = formatDateTime(
    round.state === 'open' ? round.closesAt : (round.closedAt ?? round.closesAt),
    locale,
    zone,
  );
  return (
    <li className="round-item">
      <h2 className="round-item__title">
        <Link to={`/priorities/${round.id}`}>{round.title[locale]}</Link>
      </h2>
      <p className="round-item__meta">
        <span className={`round-state round-state--${round.state}`}>
          {t(`priorities.state.${round.state}`)}
        </span>{' '}
        {round.state === 'open'
          ? t('priorities.closesAt', { time: when })
          : t('priorities.closedAt', { time: when })}
        {' · '}
        {t('priorities.votedCount', { count: voted })}
      </p>
    </li>
  );
}

function RoundsList() {
  const { t } = useTranslation();
  const rounds = useRounds();
  if (rounds.error)
    return (
      <ErrorState
        title={t('priorities.loadError')}
        error={rounds.error}
        onRetry={() => void rounds.refetch()}
      />
    );
  if (!rounds.data) return <LoadingState label={t('priorities.loading')} />;
  if (rounds.data.length === 0)
    return <EmptyState title={t('priorities.empty')} body={t('priorities.emptyBody')} />;
  return (
    <ul className="round-list">
      {rounds.data.map((round) => (
        <RoundItem key={round.id} round={round} />
      ))}
    </ul>
  );
}

/** Every priority round; admins open new ones here. */
export function RoundsPage() {
  const { t } = useTranslation();
  const me = useMe();
  useLiveRounds();
  useDocumentTitle(t('priorities.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('priorities.title')}</h1>
        <p className="page-header__lead">{t('priorities.intro')}</p>
      </header>
      <RoundsList />
      {me.data?.abilities.openRound ? <OpenRoundForm /> : null}
    </div>
  );
}
