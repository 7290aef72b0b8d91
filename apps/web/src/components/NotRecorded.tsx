import { useTranslation } from 'react-i18next';

/** Shows "Not recorded" for a fact the sources do not document; the app never guesses one. */
export function NotRecorded() {
  const { t } = useTranslation();
  return <span className="not-recorded">{t('common.notRecorded')}</span>;
}
