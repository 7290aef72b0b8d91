import { useTranslation } from 'react-i18next';
import type { CommitmentRecord } from '@mesa/shared';

/** Says that a record is an alternative figure (never summed) or conflicts with another; nothing otherwise. */
export function RecordFlag({ record }: { record: CommitmentRecord }) {
  const { t } = useTranslation();
  if (!record.conflicting && !record.alternativeOfId) return null;
  return (
    <p className="funding-flag">
      {record.alternativeOfId ? t('funding.record.alternative') : t('funding.record.conflicting')}
    </p>
  );
}
