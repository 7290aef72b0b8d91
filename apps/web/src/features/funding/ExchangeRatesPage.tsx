import { useTranslation } from 'react-i18next';

/** Placeholder until its feature lands (issue 21). */
export function ExchangeRatesPage() {
  const { t } = useTranslation();
  return <h1>{t('nav.funding')}</h1>;
}
