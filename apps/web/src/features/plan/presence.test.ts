import { describe, expect, it } from 'vitest';
import { groupPresent, presentPeople, type Present } from './presence';
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

describe('groupPresent', () => {
  const person = (clientId: number, name: string, organization: string, self = false): Present => ({
    clientId,
    name,
    organization,
    color: '#0b6e6e',
    self,
  });

  it('groups by organization, this person’s group first, their own entry under their organization', () => {
    const groups = groupPresent(
      [
        person(1, 'Ana', '', true),
        person(2, 'Beatriz', 'Guatemala'),
        person(3, 'Carlos', 'El Salvador'),
        person(4, 'Dora', 'ESCA'),
      ],
      'ESCA',
    );
    expect(groups.map((g) => [g.name, g.people.map((p) => [p.name, p.self])])).toEqual([
      [
        'ESCA',
        [
          ['Ana', true],
          ['Dora', false],
        ],
      ],
      ['El Salvador', [['Carlos', false]]],
      ['Guatemala', [['Beatriz', false]]],
    ]);
    expect(groups[0]?.people[0]).toEqual({ key: '1', name: 'Ana', self: true, color: '#0b6e6e' });
  });
});

describe('labelTextColor', () => {
  it('picks the readable text colour for each organization colour', () => {
    expect(labelTextColor('#1f77b4')).toBe('#ffffff');
    expect(labelTextColor('#ff7f0e')).toBe('#000000');
    expect(labelTextColor('#17becf')).toBe('#000000');
  });
});
