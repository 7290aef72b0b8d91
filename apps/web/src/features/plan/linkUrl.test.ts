import { describe, expect, it } from 'vitest';
import { normalizeLinkUrl } from './linkUrl';

describe('normalizeLinkUrl', () => {
  it('keeps http, https and mailto addresses', () => {
    expect(normalizeLinkUrl(' https://www.sica.int/esca ')).toBe('https://www.sica.int/esca');
    expect(normalizeLinkUrl('http://example.org')).toBe('http://example.org');
    expect(normalizeLinkUrl('mailto:ana@sica.int')).toBe('mailto:ana@sica.int');
  });

  it('completes a bare domain and an e-mail address', () => {
    expect(normalizeLinkUrl('sica.int/esca')).toBe('https://sica.int/esca');
    expect(normalizeLinkUrl('ana@sica.int')).toBe('mailto:ana@sica.int');
  });

  it('refuses other schemes and non-addresses', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'ftp://example.org',
      'vbscript:x',
      '',
      'not a link',
      'https://',
      'mailto:',
    ])
      expect(normalizeLinkUrl(bad), bad).toBeNull();
  });
});
