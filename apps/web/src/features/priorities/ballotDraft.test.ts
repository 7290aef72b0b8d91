import { describe, expect, it } from 'vitest';
import { moveEntry } from './ballotDraft';

describe('moveEntry', () => {
  it('moves an entry up, down and to either end, keeping the others in order', () => {
    expect(moveEntry(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
  });

  it('stays put past either end', () => {
    expect(moveEntry(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveEntry(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
  });
});
