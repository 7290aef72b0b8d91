import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sumDecimals, type IatiImport, type IatiPreviewActivity } from '@mesa/shared';
import { fetchPrograms, type ApiError } from '../../lib/api';
import { confirmIatiImport, discardIatiImport, fetchIatiImport } from '../../lib/iatiApi';
import { formatAmount, formatFundingDate, formatUsd } from '../funding/format';
import { codedTitle } from '../portfolio/localizedTitle';
import { useLocale } from '../../i18n/useLocale';
import './iati.css';

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
  const { t } = useTranslation();
  const locale = useLocale();
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

  if (preview.isPending) {
    return (
      <div className="page iati-page">
        <h1>{t('iati.preview.title')}</h1>
        <p role="status">{t('iati.preview.loading')}</p>
      </div>
    );
  }
  if (preview.isError) {
    return (
      <div className="page iati-page">
        <h1>{t('iati.preview.title')}</h1>
        <p role="alert" className="form-alert form-alert--error">
          {t('iati.preview.gone')}
        </p>
        <Link to="/funding/iati">{t('iati.preview.back')}</Link>
      </div>
    );
  }
  const data = preview.data;
  const programName = (id: string | null) => {
    const p = programs.data?.find((x) => x.id === id);
    if (!p) return t('iati.preview.strategyWide');
    return codedTitle(p, locale);
  };

  if (data.status === 'imported' && data.result) {
    return (
      <div className="page iati-page">
        <h1 className="iati-title">{t('iati.result.title', { file: data.fileName })}</h1>
        <p role="status" className="form-alert form-alert--success">
          {t('iati.result.summaryParts', {
            imported: t('iati.result.importedCount', { count: data.result.imported }),
            records: t('iati.result.recordsCount', { count: data.result.records.length }),
            // Only what happened: "0 skipped" parts are left out.
            rest: [
              data.result.duplicates > 0
                ? t('iati.result.duplicatesCount', { count: data.result.duplicates })
                : null,
              data.result.skippedActivities > 0
                ? t('iati.result.skippedCount', { count: data.result.skippedActivities })
                : null,
            ]
              .flatMap((part) => (part ? [`; ${part}`] : []))
              .join(''),
          })}
        </p>
        <h2>{t('iati.result.recordsHeading')}</h2>
        <ul className="iati-list">
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
    <div className="page iati-page">
      <h1>{t('iati.preview.title')}</h1>
      <p>
        {t('iati.preview.file', { file: data.fileName, version: data.version })}{' '}
        {t('iati.preview.expires', { at: new Date(data.expiresAt).toLocaleString(locale) })}
      </p>
      <p role="status" className="iati-totals">
        {t(withoutRate > 0 ? 'iati.preview.totalsWithoutRate' : 'iati.preview.totalsParts', {
          transactions: t('iati.preview.toImportCount', { count: importable.length }),
          usd: formatUsd(usdTotal, locale),
          withoutRate: t('iati.preview.withoutRateCount', { count: withoutRate }),
        })}
      </p>
      {data.scopeOrganizationId ? <p className="muted">{t('iati.preview.memberScope')}</p> : null}
      {data.problems.length > 0 ? (
        <section aria-labelledby="iati-file-problems">
          <h2 id="iati-file-problems">{t('iati.preview.fileProblems')}</h2>
          <p className="muted">{t('iati.preview.problemsHelp')}</p>
          <ul className="iati-problems">
            {data.problems.map((p, i) => (
              <li key={i}>{t('iati.preview.problem', { line: p.line, message: p.message })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.activities.length === 0 ? <p>{t('iati.preview.noActivities')}</p> : null}
      {data.activities.map((activity) => {
        const selectId = `iati-activity-${activity.index}`;
        const choice = choices[activity.index] ?? initialChoice(activity);
        return (
          <section
            key={activity.index}
            className="iati-activity"
            aria-labelledby={`${selectId}-heading`}
          >
            <h2 id={`${selectId}-heading`}>
              {activity.title || activity.identifier || t('iati.preview.untitled')}
            </h2>
            <p>
              <code className="iati-identifier">{activity.identifier}</code> ·{' '}
              {t('iati.preview.line', { line: activity.line })}
            </p>
            <label htmlFor={selectId} className="iati-field-label">
              {t('iati.preview.program')}
            </label>
            <select
              id={selectId}
              className="iati-select"
              aria-describedby={activity.suggestedFrom ? `${selectId}-hint` : undefined}
              value={choice}
              onChange={(e) => setChoices({ ...choices, [activity.index]: e.target.value })}
            >
              <option value="skip">{t('iati.preview.skip')}</option>
              <option value="">{t('iati.preview.strategyWide')}</option>
              {(programs.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {codedTitle(p, locale)}
                </option>
              ))}
            </select>
            {activity.suggestedFrom ? (
              <p id={`${selectId}-hint`} className="muted">
                {t(`iati.preview.suggested.${activity.suggestedFrom}`)}
              </p>
            ) : null}
            {activity.transactions.length > 0 ? (
              <div
                className="table-scroll iati-table-scroll"
                tabIndex={0}
                role="region"
                aria-labelledby={`${selectId}-caption ${selectId}-heading`}
              >
                <table className="iati-table">
                  <caption id={`${selectId}-caption`}>{t('iati.preview.transactions')}</caption>
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
                        <td className="iati-num">{x.line}</td>
                        <td>{t(`iati.type.${x.type}`)}</td>
                        <td className="iati-nowrap">{formatFundingDate(x.valueDate, locale)}</td>
                        <td className="iati-num">{formatAmount(x.amount, x.currency, locale)}</td>
                        <td className="iati-num">
                          {x.usd === null ? t('iati.preview.noRate') : formatUsd(x.usd, locale)}
                        </td>
                        <td>{x.provider.organization?.name[locale] ?? x.provider.name}</td>
                        <td>{x.duplicate ? t('iati.preview.duplicate') : t('iati.preview.new')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {activity.problems.length > 0 ? (
              <>
                <h3>{t('iati.preview.problems')}</h3>
                <p className="muted">{t('iati.preview.problemsHelp')}</p>
                <ul className="iati-problems">
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
      {confirm.isError ? (
        <p role="alert" className="form-alert form-alert--error">
          {t('iati.preview.importFailed', { message: (confirm.error as ApiError).message })}
        </p>
      ) : null}
      {discard.isError ? (
        <p role="alert" className="form-alert form-alert--error">
          {t('iati.preview.discardFailed', { message: (discard.error as ApiError).message })}
        </p>
      ) : null}
      <div className="iati-actions">
        <button
          type="button"
          className="button"
          onClick={() => confirm.mutate(data)}
          disabled={confirm.isPending}
        >
          {confirm.isPending ? t('iati.preview.importing') : t('iati.preview.import')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => discard.mutate()}
          disabled={discard.isPending}
        >
          {t('iati.preview.discard')}
        </button>
      </div>
    </div>
  );
}
