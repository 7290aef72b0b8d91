import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import './live.css';
import { useLiveProgram } from './useLiveProgram';

/** Props of LiveProgram. */
export interface LiveProgramProps {
  /** The program open on the page. */
  programId: string;
}

/**
 * Keeps the open program live and, when the person loses access to it, says so plainly with a
 * way back to the portfolio. Renders nothing otherwise.
 */
export function LiveProgram({ programId }: LiveProgramProps) {
  const { t } = useTranslation();
  const revoked = useLiveProgram(programId);
  if (!revoked) return null;
  return (
    <div className="live-alert" role="alert">
      <p className="live-alert__title">{t('live.accessRevokedTitle')}</p>
      <p>{t('live.accessRevokedBody')}</p>
      <Link to="/">{t('common.backToPortfolio')}</Link>
    </div>
  );
}
