import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { DiffView } from './DiffView';
import { usePlanComparison, usePlanVersion, useRestoreVersion } from './useVersions';
import { VersionViewer } from './VersionViewer';

/** Props of VersionDetail. */
export interface VersionDetailProps {
  programId: string;
  versionId: string;
  /** The version's display name. */
  name: string;
  /** `view` shows it read-only, `compare` shows what changed since. */
  mode: 'view' | 'compare';
  /** The person may restore it (editPlan). */
  canRestore: boolean;
  onClose: () => void;
}

/** One version opened: read-only or compared with the current plan, with restore. */
export function VersionDetail(props: VersionDetailProps) {
  const { programId, versionId, name, mode, canRestore, onClose } = props;
  const { t } = useTranslation();
  const version = usePlanVersion(programId, mode === 'view' ? versionId : null);
  const comparison = usePlanComparison(programId, mode === 'compare' ? versionId : null);
  const restore = useRestoreVersion(programId);
  const [confirming, setConfirming] = useState(false);
  const query = mode === 'view' ? version : comparison;
  const title =
    mode === 'view' ? t('plan.versions.viewing', { name }) : t('plan.versions.comparing', { name });
  return (
    <section className="version-detail" aria-labelledby="version-detail-heading">
      <div className="version-detail__head">
        <h4 id="version-detail-heading">{title}</h4>
        <button type="button" className="button button--small button--secondary" onClick={onClose}>
          {t('plan.versions.close')}
        </button>
      </div>
      {query.error ? <ErrorState title={t('plan.versions.loadError')} error={query.error} /> : null}
      {query.isPending && !query.error ? <LoadingState label={t('plan.loading')} /> : null}
      {mode === 'view' && version.data ? (
        <VersionViewer content={version.data.content} label={title} />
      ) : null}
      {mode === 'compare' && comparison.data ? <DiffView blocks={comparison.data.diff} /> : null}
      {canRestore && !confirming ? (
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          {t('plan.versions.restore')}
        </button>
      ) : null}
      {confirming ? (
        <div className="version-detail__confirm" role="alertdialog" aria-labelledby="restore-q">
          <p id="restore-q">{t('plan.versions.restoreConfirm', { name })}</p>
          <button
            type="button"
            className="button button--small"
            disabled={restore.isPending}
            onClick={() => restore.mutate(versionId, { onSuccess: () => setConfirming(false) })}
          >
            {t('plan.versions.restore')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setConfirming(false)}
          >
            {t('plan.versions.cancel')}
          </button>
        </div>
      ) : null}
      <p role="status" className="version-detail__result">
        {restore.isSuccess ? t('plan.versions.restored') : null}
        {restore.isError ? t('plan.versions.restoreError') : null}
      </p>
    </section>
  );
}
