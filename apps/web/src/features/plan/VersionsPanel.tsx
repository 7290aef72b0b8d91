import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '@mesa/shared';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { SaveVersionForm } from './SaveVersionForm';
import { VersionDetail } from './VersionDetail';
import { usePlanVersions } from './useVersions';

/** Props of VersionsPanel. */
export interface VersionsPanelProps {
  programId: string;
  /** The person may save and restore versions (editPlan). */
  canEdit: boolean;
  /** The person's IANA time zone, for the times shown. */
  timeZone: string;
}

interface Open {
  version: PlanVersion;
  mode: 'view' | 'compare';
}

/** The plan's versions: save a named one, open one read-only, compare, restore. */
export function VersionsPanel({ programId, canEdit, timeZone }: VersionsPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const versions = usePlanVersions(programId);
  const [open, setOpen] = useState<Open | null>(null);
  const nameOf = (v: PlanVersion) => v.name ?? t('plan.versions.auto');
  return (
    <section className="versions" aria-labelledby="versions-heading">
      <h3 id="versions-heading">{t('plan.versions.title')}</h3>
      {canEdit ? <SaveVersionForm programId={programId} /> : null}
      {versions.error ? (
        <ErrorState
          title={t('plan.versions.loadError')}
          error={versions.error}
          onRetry={() => void versions.refetch()}
        />
      ) : null}
      {versions.isPending ? <LoadingState label={t('plan.loading')} /> : null}
      {versions.data?.length === 0 ? <p className="muted">{t('plan.versions.empty')}</p> : null}
      <ul className="versions__list">
        {versions.data?.map((version) => (
          <li key={version.id} className="versions__item">
            <span className="versions__name">
              {t('plan.versions.numbered', { number: version.number, name: nameOf(version) })}
            </span>
            <span className="versions__meta">
              {t('plan.versions.byAt', {
                author: version.author?.name ?? t('plan.versions.unknownAuthor'),
                time: formatDateTime(version.createdAt, locale, timeZone),
              })}
            </span>
            <span className="versions__actions">
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => setOpen({ version, mode: 'view' })}
              >
                {t('plan.versions.open')}
              </button>
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => setOpen({ version, mode: 'compare' })}
              >
                {t('plan.versions.compare')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {open ? (
        <VersionDetail
          key={`${open.version.id}-${open.mode}`}
          programId={programId}
          versionId={open.version.id}
          name={nameOf(open.version)}
          mode={open.mode}
          canRestore={canEdit}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
