import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';

/** The 403 page: says plainly that this part is not for the person, and who to ask. */
export function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.forbiddenTitle'));
  return (
    <div className="page">
      <EmptyState
        level={1}
        title={t('admin.forbiddenTitle')}
        body={t('admin.forbiddenBody')}
        action={<Link to="/">{t('common.backToPortfolio')}</Link>}
      />
    </div>
  );
}
