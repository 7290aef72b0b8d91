import { useTranslation } from 'react-i18next';
import { planMarkdownUrl } from '../../lib/api';

/** Props of ExportActions. */
export interface ExportActionsProps {
  /** The program whose plan is exported. */
  programId: string;
}

/** Download the plan as Markdown, or print it (the print stylesheet keeps only the plan). */
export function ExportActions({ programId }: ExportActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="plan-export">
      <a
        className="button button--small button--secondary"
        href={planMarkdownUrl(programId)}
        download
      >
        {t('plan.export.markdown')}
      </a>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => window.print()}
      >
        {t('plan.export.print')}
      </button>
    </div>
  );
}
