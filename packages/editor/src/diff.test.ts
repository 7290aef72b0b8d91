import { describe, expect, it } from 'vitest';
import { diffLines } from './diff.js';

describe('line diff', () => {
  it('marks added and removed lines between common ones', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'x' },
      { op: 'equal', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
  });

  it('returns only equal lines for identical texts', () => {
    expect(diffLines(['a', 'b'], ['a', 'b']).every((l) => l.op === 'equal')).toBe(true);
  });
});
