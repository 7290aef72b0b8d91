import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/LoadingState';
import { useMe } from '../features/auth/useMe';
import { HeaderStatus } from './HeaderStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { navItems } from './navItems';
import { PrimaryNavLink } from './PrimaryNavLink';
import { useFocusOnNavigate } from './useFocusOnNavigate';

const MAIN_ID = 'main-content';

/** The sections of the workspace; signed out there is none to go to (sign-in is the way in). */
function PrimaryNav() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return null;
  return (
    <nav className="primary-nav" aria-label={t('app.primaryNav')}>
      <ul className="primary-nav__list">
        {navItems.map((item) => (
          <li key={item.to}>
            <PrimaryNavLink item={item} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__subtitle">{t('app.subtitle')}</span>
        </Link>
        <div className="site-header__tools">
          <HeaderStatus />
          <LanguageSwitch />
        </div>
      </div>
      <PrimaryNav />
    </header>
  );
}

function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{t('app.footerWorkspace')}</p>
        <p>{t('app.footerData')}</p>
      </div>
    </footer>
  );
}

/** The frame of every page: skip link, header with navigation and language, main, footer. */
export function AppShell() {
  const { t } = useTranslation();
  useFocusOnNavigate(MAIN_ID);
  return (
    <div className="app">
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      {/* tabIndex -1 lets the skip link move keyboard focus, not just the scroll position. */}
      <main id={MAIN_ID} className="site-main" tabIndex={-1}>
        <Suspense fallback={<LoadingState label={t('common.loadingPage')} />}>
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
    </div>
  );
}
