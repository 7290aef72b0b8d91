import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The path back from a program to the portfolio; `current` names the page itself. */
export function Breadcrumb({ current }: { current?: string }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t('program.breadcrumb')}>
      <ol>
        <li>
          <Link to="/">{t('nav.portfolio')}</Link>
        </li>
        {current ? <li aria-current="page">{current}</li> : null}
      </ol>
    </nav>
  );
}
