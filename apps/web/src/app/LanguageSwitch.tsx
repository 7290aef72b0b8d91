import { useTranslation } from 'react-i18next';
import { Locales } from '@mesa/shared';
import { useLocale } from '../i18n/useLocale';

/** Two buttons, English and Español, each named in its own language; the chosen one is pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = useLocale();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {Locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="language-switch__option"
          aria-pressed={locale === current}
          onClick={() => void i18n.changeLanguage(locale)}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
