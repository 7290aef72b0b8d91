import { describe, expect, it } from 'vitest';
import { isWellFormedText, trimWhiteSpace } from './text.js';

describe('text', () => {
  it('trims white space of every kind but keeps U+FEFF', () => {
    expect(trimWhiteSpace('\u00a0\u3000 Ana \t\n')).toBe('Ana');
    expect(trimWhiteSpace('Ana\uFEFF')).toBe('Ana\uFEFF');
    expect(trimWhiteSpace('\uFEFF Ana')).toBe('\uFEFF Ana');
  });

  it('tells lone surrogates from pairs', () => {
    expect(isWellFormedText('ok \ud83d\ude00')).toBe(true);
    expect(isWellFormedText('lone \ud800')).toBe(false);
    expect(isWellFormedText('\ude00 first')).toBe(false);
    expect(isWellFormedText('\ud800\ud800\udc00')).toBe(false);
  });
});
