import { useEffect } from 'react';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

/** The router's error boundary: a page that crashed, or whose code failed to download. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('errors.crashTitle'));
  useEffect(() => {
    // The details help whoever reads the console; the person in front of the screen gets advice.
    console.error(error);
  }, [error]);
  return (
    <div className="page">
      <div className="error-state" role="alert">
        <h1 className="error-state__title">{t('errors.crashTitle')}</h1>
        <p>{t('errors.crashBody')}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </div>
    </div>
  );
}
