import { useTranslation } from 'react-i18next';
import type { FundingChange } from '@mesa/shared';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { useRecordHistory } from './useFunding';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}

function Changes({ change }: { change: FundingChange }) {
  const fields = [
    ...new Set([...Object.keys(change.before ?? {}), ...Object.keys(change.after ?? {})]),
  ];
  if (fields.length === 0) return null;
  if (!change.before || !change.after) {
    // A creation or a deletion: what it held, on one line, without the empty fields.
    const values = change.after ?? change.before ?? {};
    const shown = fields.filter((field) => show(values[field]) !== '—');
    return (
      <p className="funding-history__fields">
        {shown.map((field) => `${field}: ${show(values[field])}`).join(' · ')}
      </p>
    );
  }
  const { before, after } = change;
  return (
    <ul className="funding-history__fields">
      {fields.map((field) => (
        <li key={field}>
          <span className="funding-history__field">{field}</span>:{' '}
          {`${show(before[field])} → ${show(after[field])}`}
        </li>
      ))}
    </ul>
  );
}

/** A record's history, newest first: who, when, what, and each changed field before → after. */
export function HistoryList({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = useRecordHistory(recordId);
  if (history.error) {
    return (
      <ErrorState
        title={t('funding.history.loadError')}
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  if (!history.data) return <LoadingState label={t('funding.history.loading')} />;
  if (history.data.length === 0) return <p className="muted">{t('funding.history.empty')}</p>;
  return (
    <ol className="funding-history">
      {history.data.map((change) => (
        <li key={change.id}>
          <p>
            <strong>{t(`funding.history.actions.${change.action}`)}</strong>{' '}
            {t('funding.history.byAt', {
              name: change.actor?.name ?? t('funding.history.seed'),
              time: formatDateTime(change.at, locale),
            })}
          </p>
          <Changes change={change} />
        </li>
      ))}
    </ol>
  );
}
