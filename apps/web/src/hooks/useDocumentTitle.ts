import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> · Mesa" while the calling page is shown; undefined leaves it alone. */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const title = page === undefined ? undefined : t('app.documentTitle', { page });
  useEffect(() => {
    if (title !== undefined) document.title = title;
  }, [title]);
}
