import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('prefers the remembered choice over the browser', () => {
    expect(detectLanguage('es', ['en-US'])).toBe('es');
  });

  it('takes the first supported browser language, ignoring the region', () => {
    expect(detectLanguage(null, ['fr-FR', 'es-GT', 'en'])).toBe('es');
  });

  it('ignores a remembered value it does not support', () => {
    expect(detectLanguage('de', ['en-GB'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(detectLanguage(null, ['ja-JP'])).toBe('en');
  });
});
