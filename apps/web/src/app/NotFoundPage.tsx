import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

/** Shown for any address the app does not know, with the way back to the portfolio. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page">
      <EmptyState
        level={1}
        title={t('notFound.title')}
        body={t('notFound.body')}
        action={<Link to="/">{t('common.backToPortfolio')}</Link>}
      />
    </div>
  );
}
