import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResultsVisibility } from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { createRound } from '../../lib/prioritiesApi';
import { useTimeZone } from '../auth/useTimeZone';
import { localizedTitle } from '../portfolio/localizedTitle';
import { usePrograms } from '../portfolio/usePrograms';
import { ClosingTimeFields } from './ClosingTimeFields';
import { priorityKeys } from './queryKeys';
import { utcToZoned, zonedToUtc } from '../../lib/zonedTime';

function weekFromNow(zone: string) {
  return utcToZoned(new Date(Date.now() + 7 * 86_400_000).toISOString(), zone);
}

/** The admin's form to open a round: titles, candidates (all by default), N, closing time in their zone, visibility. */
export function OpenRoundForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const errorText = useErrorText(zone);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const programs = usePrograms();
  const [titleEn, setTitleEn] = useState('');
  const [titleEs, setTitleEs] = useState('');
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [places, setPlaces] = useState(8);
  const [closing, setClosing] = useState(() => weekFromNow(zone));
  const [visibility, setVisibility] = useState<ResultsVisibility>('after_close');
  const [problem, setProblem] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: createRound,
    onSuccess: (round) => {
      void queryClient.invalidateQueries({ queryKey: priorityKeys.rounds });
      void navigate(`/priorities/${round.id}`);
    },
    onError: (error) => setProblem(errorText(error)),
  });
  const candidates = (programs.data ?? []).filter((p) => !excluded.has(p.id)).map((p) => p.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const closesAt = zonedToUtc(closing.date, closing.time, zone);
    if (!closesAt) return setProblem(t('priorities.open.badTime'));
    create.mutate({
      title: { en: titleEn, es: titleEs },
      candidateProgramIds: candidates,
      places,
      closesAt,
      resultsVisibility: visibility,
    });
  };
  const toggle = (id: string) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section className="open-round" aria-labelledby="open-round-title">
      <h2 id="open-round-title">{t('priorities.open.title')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert message={problem} />
        <TextField
          label={t('priorities.open.titleEn')}
          value={titleEn}
          onChange={(e) => setTitleEn(e.target.value)}
          required
          lang="en"
        />
        <TextField
          label={t('priorities.open.titleEs')}
          value={titleEs}
          onChange={(e) => setTitleEs(e.target.value)}
          required
          lang="es"
        />
        <fieldset className="open-round__candidates open-round__group">
          <legend>{t('priorities.open.candidates', { count: candidates.length })}</legend>
          {(programs.data ?? []).map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" checked={!excluded.has(p.id)} onChange={() => toggle(p.id)} />{' '}
              {p.code ? `${p.code} · ` : ''}
              {localizedTitle(p, locale)}
            </label>
          ))}
        </fieldset>
        <TextField
          label={t('priorities.open.places')}
          type="number"
          min={1}
          max={Math.max(1, candidates.length)}
          value={places}
          onChange={(e) => setPlaces(Number(e.target.value))}
        />
        <ClosingTimeFields
          className="fieldset open-round__closing"
          legend={t('priorities.open.closing', { zone })}
          value={closing}
          onChange={setClosing}
        />
        <fieldset className="open-round__group">
          <legend>{t('priorities.open.visibility')}</legend>
          {(['after_close', 'while_open'] as const).map((v) => (
            <label key={v} className="check">
              <input
                type="radio"
                name="visibility"
                checked={visibility === v}
                onChange={() => setVisibility(v)}
              />{' '}
              {t(`priorities.visibility.${v}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('priorities.open.submit')}
        </button>
      </form>
    </section>
  );
}
