import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sumDecimals, type IatiImport, type IatiPreviewActivity } from '@mesa/shared';
import { fetchPrograms, type ApiError } from '../../lib/api';
import { confirmIatiImport, discardIatiImport, fetchIatiImport } from '../../lib/iatiApi';

/** What the person chose for an activity: a program id, "" for strategy-wide, or "skip". */
type Choice = string;

function initialChoice(activity: IatiPreviewActivity): Choice {
  if (activity.transactions.length === 0) return 'skip';
  if (activity.suggestedProgramId) return activity.suggestedProgramId;
  return '';
}

/** An uploaded IATI file's preview: choose a program per activity, then import or discard. */
export function IatiImportPreviewPage() {
  const { importId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const locale = i18n.language.startsWith('es') ? 'es' : 'en';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: ['iati-import', importId],
    queryFn: ({ signal }) => fetchIatiImport(importId, signal),
  });
  const programs = useQuery({
    queryKey: ['programs'],
    queryFn: ({ signal }) => fetchPrograms(signal),
  });
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const confirm = useMutation({
    mutationFn: (data: IatiImport) =>
      confirmIatiImport(data.id, {
        activities: data.activities.map((a) => {
          const choice = choices[a.index] ?? initialChoice(a);
          return {
            index: a.index,
            programId: choice === '' || choice === 'skip' ? null : choice,
            skip: choice === 'skip',
          };
        }),
      }),
    onSuccess: (data) => queryClient.setQueryData(['iati-import', importId], data),
  });
  const discard = useMutation({
    mutationFn: () => discardIatiImport(importId),
    onSuccess: () => void navigate('/funding/iati'),
  });

  if (preview.isPending) return <p role="status">{t('iati.preview.loading')}</p>;
  if (preview.isError) {
    return (
      <div className="page">
        <h1>{t('iati.preview.title')}</h1>
        <p role="alert">{t('iati.preview.gone')}</p>
        <Link to="/funding/iati">{t('iati.preview.back')}</Link>
      </div>
    );
  }
  const data = preview.data;
  const programName = (id: string | null) => {
    const p = programs.data?.find((x) => x.id === id);
    if (!p) return t('iati.preview.strategyWide');
    return `${p.code ? `${p.code} — ` : ''}${locale === 'es' ? p.titleEs : p.titleEn}`;
  };

  if (data.status === 'imported' && data.result) {
    return (
      <div className="page">
        <h1>{t('iati.result.title', { file: data.fileName })}</h1>
        <div role="status">
          <ul>
            <li>{t('iati.result.imported', { count: data.result.imported })}</li>
            <li>{t('iati.result.records', { count: data.result.records.length })}</li>
            <li>{t('iati.result.duplicates', { count: data.result.duplicates })}</li>
            <li>{t('iati.result.skipped', { count: data.result.skippedActivities })}</li>
          </ul>
        </div>
        <ul>
          {data.result.records.map((r) => (
            <li key={r.id}>
              <Link to={`/funding/records/${r.id}`}>
                {r.donor.name[locale]} — {programName(r.programId)} ({r.activityIdentifier},{' '}
                {t('iati.result.transactions', { count: r.transactions })})
              </Link>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/funding">{t('iati.result.dashboard')}</Link> ·{' '}
          <Link to="/funding/iati">{t('iati.preview.back')}</Link>
        </p>
      </div>
    );
  }

  const importable = data.activities.flatMap((a) => a.transactions.filter((x) => !x.duplicate));
  const usdTotal = sumDecimals(
    importable.flatMap((x) => (x.usd === null ? [] : [x.usd])),
    2,
  );
  const withoutRate = importable.filter((x) => x.usd === null).length;

  return (
    <div className="page">
      <h1>{t('iati.preview.title')}</h1>
      <p>
        {t('iati.preview.file', { file: data.fileName, version: data.version })}{' '}
        {t('iati.preview.expires', { at: new Date(data.expiresAt).toLocaleString(locale) })}
      </p>
      <p role="status">
        {t('iati.preview.totals', { count: importable.length, usd: usdTotal })}
        {withoutRate > 0 ? ` ${t('iati.preview.withoutRate', { count: withoutRate })}` : null}
      </p>
      {data.activities.map((activity) => {
        const selectId = `iati-activity-${activity.index}`;
        const choice = choices[activity.index] ?? initialChoice(activity);
        return (
          <section key={activity.index} aria-labelledby={`${selectId}-heading`}>
            <h2 id={`${selectId}-heading`}>
              {activity.title || activity.identifier || t('iati.preview.untitled')}
            </h2>
            <p>
              <code>{activity.identifier}</code> · {t('iati.preview.line', { line: activity.line })}
            </p>
            <label htmlFor={selectId}>{t('iati.preview.program')}</label>{' '}
            <select
              id={selectId}
              value={choice}
              onChange={(e) => setChoices({ ...choices, [activity.index]: e.target.value })}
            >
              <option value="skip">{t('iati.preview.skip')}</option>
              <option value="">{t('iati.preview.strategyWide')}</option>
              {(programs.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.code ? `${p.code} — ` : ''}
                  {locale === 'es' ? p.titleEs : p.titleEn}
                </option>
              ))}
            </select>
            {activity.suggestedFrom ? (
              <p className="hint">{t(`iati.preview.suggested.${activity.suggestedFrom}`)}</p>
            ) : null}
            {activity.transactions.length > 0 ? (
              <table>
                <caption>{t('iati.preview.transactions')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('iati.preview.col.line')}</th>
                    <th scope="col">{t('iati.preview.col.type')}</th>
                    <th scope="col">{t('iati.preview.col.date')}</th>
                    <th scope="col">{t('iati.preview.col.amount')}</th>
                    <th scope="col">{t('iati.preview.col.usd')}</th>
                    <th scope="col">{t('iati.preview.col.provider')}</th>
                    <th scope="col">{t('iati.preview.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {activity.transactions.map((x) => (
                    <tr key={x.line}>
                      <td>{x.line}</td>
                      <td>{t(`iati.type.${x.type}`)}</td>
                      <td>{x.valueDate}</td>
                      <td>
                        {x.amount} {x.currency}
                      </td>
                      <td>{x.usd ?? t('iati.preview.noRate')}</td>
                      <td>{x.provider.organization?.name[locale] ?? x.provider.name}</td>
                      <td>{x.duplicate ? t('iati.preview.duplicate') : t('iati.preview.new')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {activity.problems.length > 0 ? (
              <>
                <h3>{t('iati.preview.problems')}</h3>
                <ul>
                  {activity.problems.map((p, i) => (
                    <li key={i}>
                      {t('iati.preview.problem', { line: p.line, message: p.message })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        );
      })}
      {confirm.isError ? <p role="alert">{(confirm.error as ApiError).message}</p> : null}
      {discard.isError ? <p role="alert">{(discard.error as ApiError).message}</p> : null}
      <p>
        <button type="button" onClick={() => confirm.mutate(data)} disabled={confirm.isPending}>
          {t('iati.preview.import')}
        </button>{' '}
        <button type="button" onClick={() => discard.mutate()} disabled={discard.isPending}>
          {t('iati.preview.discard')}
        </button>
      </p>
    </div>
  );
}
