import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import es from '../i18n/es.json';

// The page a slow network shows before the script runs cannot use i18next; it must still say
// what the app says, in both languages.
const html = readFileSync(join(import.meta.dirname, '..', '..', 'index.html'), 'utf8');
const shell = new DOMParser().parseFromString(html, 'text/html');

function textsOf(selector: string): string[] {
  return [...shell.querySelectorAll(selector)].map((node) =>
    (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

describe('index.html before the app runs', () => {
  it('names the app and says the page is loading in English and Spanish, as the catalogues do', () => {
    expect(textsOf('#root .brand__name')).toEqual([en.app.name]);
    const status = shell.querySelector('#root [role="status"]');
    expect(status?.textContent).toContain(en.common.loadingPage);
    expect(status?.querySelector('[lang="es"]')?.textContent).toBe(es.common.loadingPage);
  });

  it('tells people without JavaScript that it is needed, in both languages', () => {
    // A parser with scripting on keeps <noscript> as raw text; read it as markup.
    const noscript = shell.querySelector('noscript')?.innerHTML ?? '';
    const inner = new DOMParser().parseFromString(noscript, 'text/html');
    const texts = [...inner.querySelectorAll('p')].map((p) => ({
      lang: p.getAttribute('lang'),
      text: (p.textContent ?? '').replace(/\s+/g, ' ').trim(),
    }));
    expect(texts).toEqual([
      { lang: null, text: en.app.needsJavaScript },
      { lang: 'es', text: es.app.needsJavaScript },
    ]);
  });

  it('runs no inline script (the CSP allows only the app’s own script files)', () => {
    for (const script of shell.querySelectorAll('script')) {
      expect(script.getAttribute('src')).toBeTruthy();
      expect(script.textContent?.trim()).toBe('');
    }
    expect(shell.querySelectorAll('style, [style]')).toHaveLength(0);
  });
});
