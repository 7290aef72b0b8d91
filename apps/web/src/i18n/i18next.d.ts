import type en from './en.json';

// Typing the keys with the English catalogue makes a missing or misspelt key a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
