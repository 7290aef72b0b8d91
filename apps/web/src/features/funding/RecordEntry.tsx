import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CommitmentRecord } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { modalityLabel, organizationName, recordTitle, scopeLabel } from './labels';
import { TransactionTable } from './TransactionTable';
import { useCurrencies } from './useFunding';
import { RecordFlag } from './RecordFlag';

/** One commitment record in a list: its title (a link), donor, modality, scope, flags, transactions. */
export function RecordEntry({ record }: { record: CommitmentRecord }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currencies = useCurrencies();
  const headingId = `funding-record-${record.id}`;
  return (
    <li className="funding-record" aria-labelledby={headingId}>
      <h4 id={headingId} className="funding-record__title">
        <Link to={`/funding/records/${record.id}`}>{recordTitle(record, locale)}</Link>
      </h4>
      <p className="funding-record__meta">
        {[
          t('funding.record.donorIs', { name: organizationName(record.donor, locale) }),
          modalityLabel(t, record.modality),
          scopeLabel(t, record, locale),
        ].join(' · ')}
      </p>
      <RecordFlag record={record} />
      {record.transactions.length === 0 ? (
        <p className="muted">{t('funding.transactions.none')}</p>
      ) : (
        <TransactionTable
          caption={t('funding.transactions.captionOf', { name: recordTitle(record, locale) })}
          transactions={record.transactions}
          currencies={currencies.data}
        />
      )}
    </li>
  );
}
