import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@mesa/shared';
import en from './en.json';
import es from './es.json';
import { asLocale, storeLanguage } from './language';

/** The bundled catalogues; both are small, so neither is fetched lazily. */
export const resources = {
  en: { translation: en },
  es: { translation: es },
} as const;

/** Creates an initialised i18next instance in the given language (tests make their own). */
export function createI18n(language: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'es'],
    // Resources are bundled, so initialising synchronously avoids a first render without text.
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** Keeps `<html lang>` and the remembered choice in step with the interface language. */
export function syncLanguageWithDocument(instance: I18n): void {
  const apply = (language: string): void => {
    document.documentElement.lang = asLocale(language);
  };
  apply(instance.language);
  instance.on('languageChanged', (language) => {
    apply(language);
    storeLanguage(asLocale(language));
  });
}
