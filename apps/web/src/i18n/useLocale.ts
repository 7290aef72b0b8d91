import { useTranslation } from 'react-i18next';
import type { Locale } from '@mesa/shared';
import { asLocale } from './language';

/** The current interface language as a supported locale; re-renders when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return asLocale(i18n.resolvedLanguage ?? i18n.language);
}
