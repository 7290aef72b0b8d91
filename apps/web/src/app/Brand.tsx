import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * The app's name and what it serves, linking to the portfolio. `compact` (the narrow header)
 * shows the name alone beside the Menu button; the subtitle stays in the link's accessible name.
 */
export function Brand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className="brand">
      <span className="brand__name">{t('app.name')}</span>
      <span className={compact ? 'visually-hidden' : 'brand__subtitle'}>{t('app.subtitle')}</span>
    </Link>
  );
}
