import { describe, expect, it } from 'vitest';
import { presentPeople } from './presence';
import { labelTextColor } from './caret';

describe('presentPeople', () => {
  it('lists this tab first, merges a person’s tabs and skips states without a user', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: 'b', name: 'Beatriz', organization: 'Guatemala', color: '#d62728' } }],
      [2, { user: { name: 'Ana', color: '#0b6e6e' } }],
      [3, { user: { id: 'b', name: 'Beatriz', organization: 'Guatemala', color: '#d62728' } }],
      [4, { cursor: null }],
    ]);
    const people = presentPeople(states, 2);
    expect(people.map((p) => [p.name, p.self])).toEqual([
      ['Ana', true],
      ['Beatriz', false],
    ]);
    expect(people[1]?.organization).toBe('Guatemala');
  });
});

describe('labelTextColor', () => {
  it('picks the readable text colour for each organization colour', () => {
    expect(labelTextColor('#1f77b4')).toBe('#ffffff');
    expect(labelTextColor('#ff7f0e')).toBe('#000000');
    expect(labelTextColor('#17becf')).toBe('#000000');
  });
});
