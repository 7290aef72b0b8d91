import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/LoadingState';
import { SiteHeader } from './SiteHeader';
import { useFocusOnNavigate } from './useFocusOnNavigate';

const MAIN_ID = 'main-content';

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
