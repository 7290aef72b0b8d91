import { useTranslation } from 'react-i18next';
import type { Ballot, Program, Round } from '@mesa/shared';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { useTimeZone } from '../auth/useTimeZone';
import { usePrograms } from '../portfolio/usePrograms';
import { programLabel } from './BallotEditor';
import { useBallots } from './usePriorities';

/** One delegation's ballot: its name, who last changed it and when, its programs in order. */
function DelegationBallot({ ballot, programs }: { ballot: Ballot; programs: readonly Program[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const headingId = `ballot-of-${ballot.organizationId}`;
  return (
    <li className="ballots__item" data-organization-id={ballot.organizationId}>
      <h3 id={headingId}>{ballot.organizationName[locale]}</h3>
      <p className="ballots__meta">
        {ballot.updatedBy && ballot.updatedAt
          ? t('priorities.ballot.lastChanged', {
              name: ballot.updatedBy.name,
              time: formatDateTime(ballot.updatedAt, locale, zone),
            })
          : t('priorities.ballots.notSaved')}
      </p>
      {ballot.entries.length === 0 ? (
        <p>{t('priorities.ballots.none')}</p>
      ) : (
        <ol className="ballots__entries" aria-labelledby={headingId}>
          {ballot.entries.map((entry) => (
            <li key={entry.programId} data-program-id={entry.programId}>
              {programLabel(programs, entry.programId, locale)}
              {entry.rationale ? (
                <p className="ballots__rationale">
                  <span className="visually-hidden">{t('priorities.ballots.rationale')} </span>
                  <span lang={entry.locale}>{entry.rationale}</span>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/**
 * Every delegation's ballot once results are visible (nothing before): each one's programs in
 * order with their rationales (marked with the language they were written in), who last
 * changed it and when in the reader's time zone. Live: a saved ballot refetches the round's
 * queries, these among them.
 */
export function BallotsSection({ round }: { round: Round }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const visible = round.abilities.viewResults;
  const ballots = useBallots(round.id, visible);
  const programs = usePrograms();
  if (!visible) return null;
  const failed = ballots.error ?? programs.error;
  const byName = [...(ballots.data ?? [])].sort((a, b) =>
    a.organizationName[locale].localeCompare(b.organizationName[locale], locale),
  );
  return (
    <section className="ballots" aria-labelledby="ballots-title">
      <h2 id="ballots-title">{t('priorities.ballots.title')}</h2>
      {failed ? (
        <ErrorState
          title={t('priorities.ballots.loadError')}
          error={failed}
          onRetry={() => void (ballots.error ? ballots.refetch() : programs.refetch())}
        />
      ) : null}
      {!failed && (!ballots.data || !programs.data) ? (
        <LoadingState label={t('priorities.loading')} />
      ) : null}
      {ballots.data && programs.data && byName.length === 0 ? (
        <p>{t('priorities.ballots.empty')}</p>
      ) : null}
      {programs.data && byName.length > 0 ? (
        <ul className="ballots__list">
          {byName.map((ballot) => (
            <DelegationBallot
              key={ballot.organizationId}
              ballot={ballot}
              programs={programs.data}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
