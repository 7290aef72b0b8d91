import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Round } from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { closeRound, reopenRound } from '../../lib/prioritiesApi';
import { useTimeZone } from '../auth/useTimeZone';
import { ClosingTimeFields } from './ClosingTimeFields';
import { priorityKeys } from './queryKeys';
import { RoundHistory } from './RoundHistory';
import { utcToZoned, zonedToUtc } from '../../lib/zonedTime';

/** The round's title, state, closing time in the reader's zone (zone named), its earlier closings and reopenings, and the owner's and admins' actions. */
export function RoundHeader({ round }: { round: Round }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const errorText = useErrorText(zone);
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | undefined>();
  const [reopenAt, setReopenAt] = useState(() =>
    utcToZoned(new Date(Date.now() + 7 * 86_400_000).toISOString(), zone),
  );
  const act = async (work: () => Promise<Round>) => {
    setProblem(undefined);
    try {
      queryClient.setQueryData(priorityKeys.round(round.id), await work());
      void queryClient.invalidateQueries({ queryKey: priorityKeys.round(round.id) });
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const when = (iso: string) => formatDateTime(iso, locale, zone);
  const reopen = () => {
    const at = zonedToUtc(reopenAt.date, reopenAt.time, zone);
    if (!at) return setProblem(t('priorities.open.badTime'));
    void act(() => reopenRound(round.id, at));
  };
  return (
    <header className="page-header round-header">
      <h1>{round.title[locale]}</h1>
      <p className="round-header__state">
        <span className={`round-state round-state--${round.state}`}>
          {t(`priorities.state.${round.state}`)}
        </span>{' '}
        {round.state === 'open'
          ? t('priorities.closesAtZone', { time: when(round.closesAt), zone })
          : t('priorities.closedAtZone', { time: when(round.closedAt ?? round.closesAt), zone })}
      </p>
      <p className="round-header__meta">
        {t('priorities.openedBy', { name: round.openedBy.name, time: when(round.openedAt) })}
        {round.closedBy ? ` · ${t('priorities.closedBy', { name: round.closedBy.name })}` : ''}
        {' · '}
        {t(`priorities.visibility.${round.resultsVisibility}`)}
      </p>
      <RoundHistory roundId={round.id} reopenings={round.reopenings} when={when} zone={zone} />
      <FormAlert message={problem} />
      {round.abilities.close ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void act(() => closeRound(round.id))}
        >
          {t('priorities.close')}
        </button>
      ) : null}
      {round.abilities.reopen ? (
        <ClosingTimeFields
          className="fieldset round-header__reopen"
          legend={t('priorities.reopen.title', { zone })}
          value={reopenAt}
          onChange={setReopenAt}
        >
          <button type="button" className="button button--secondary" onClick={reopen}>
            {t('priorities.reopen.submit')}
          </button>
        </ClosingTimeFields>
      ) : null}
    </header>
  );
}
