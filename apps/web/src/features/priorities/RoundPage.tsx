import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import './priorities.css';
import type { Round } from '@mesa/shared';
import { AccessReason } from '../../components/AccessReason';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { usePrograms } from '../portfolio/usePrograms';
import { BallotEditor } from './BallotEditor';
import { BallotsSection } from './BallotsSection';
import { BoardSection } from './BoardSection';
import { RoundHeader } from './RoundHeader';
import { useLiveRounds, useOwnBallot, useRound } from './usePriorities';

function Delegations({ round }: { round: Round }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const waiting = round.delegations.filter((d) => !d.voted);
  const voted = round.delegations.filter((d) => d.voted);
  return (
    <section className="delegations" aria-labelledby="delegations-title">
      <h2 id="delegations-title">{t('priorities.delegations.title')}</h2>
      <p>
        {t('priorities.delegations.voted', { count: voted.length })}:{' '}
        {voted.map((d) => d.name[locale]).join(', ') || '—'}
      </p>
      <p>
        {t('priorities.delegations.waiting', { count: waiting.length })}:{' '}
        {waiting.map((d) => d.name[locale]).join(', ') || '—'}
      </p>
    </section>
  );
}

function OwnBallot({ round }: { round: Round }) {
  const { t } = useTranslation();
  const ballot = useOwnBallot(round.id, round.myDelegationId !== null);
  const programs = usePrograms();
  if (round.myDelegationId === null) {
    return (
      <p className="notice">
        <AccessReason reason={round.abilities.denied.vote} />
      </p>
    );
  }
  if (ballot.error)
    return <ErrorState title={t('priorities.ballot.loadError')} error={ballot.error} />;
  if (!ballot.data || !programs.data) return <LoadingState label={t('priorities.loading')} />;
  return <BallotEditor round={round} ballot={ballot.data} programs={programs.data} />;
}

/**
 * One round: the delegation's ballot, who has voted, the board and every ballot when visible
 * (the candidates and their discussions before) — all live.
 */
export function RoundPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { roundId = '' } = useParams();
  const round = useRound(roundId);
  useLiveRounds(roundId);
  useDocumentTitle(round.data?.title[locale] ?? t('priorities.title'));
  if (round.error)
    return (
      <ErrorState
        title={t('priorities.loadError')}
        error={round.error}
        onRetry={() => void round.refetch()}
        level={1}
      />
    );
  if (!round.data) return <LoadingState label={t('priorities.loading')} />;
  return (
    <div className="page round-page">
      <RoundHeader round={round.data} />
      <div className="round-page__columns">
        <OwnBallot round={round.data} />
        <Delegations round={round.data} />
      </div>
      <BoardSection round={round.data} />
      <BallotsSection round={round.data} />
    </div>
  );
}
