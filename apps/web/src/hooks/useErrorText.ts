import { useTranslation } from 'react-i18next';
import { formErrorText } from '../components/formErrorText';
import { useLocale } from '../i18n/useLocale';
import { browserTimeZone } from '../lib/intl';

/** A function turning a failed request into a human sentence in the interface language. */
export function useErrorText(timeZone: string = browserTimeZone()): (error: unknown) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (error) => formErrorText(error, t, { locale, timeZone });
}
