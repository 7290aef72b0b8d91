import { describe, expect, it } from 'vitest';
import { groupPresent, presentPeople, type Present } from './presence';
import { labelTextColor, renderCaret } from './caret';

const spain = { en: 'Spain', es: 'España' };

describe('presentPeople', () => {
  it('lists this tab first, merges a person’s tabs and skips states without a user', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: 'b', name: 'Beatriz', organization: spain, color: '#d62728' } }],
      [2, { user: { name: 'Ana', color: '#0b6e6e' } }],
      [3, { user: { id: 'b', name: 'Beatriz', organization: spain, color: '#d62728' } }],
      [4, { cursor: null }],
    ]);
    const people = presentPeople(states, 2, 'en');
    expect(people.map((p) => [p.name, p.self])).toEqual([
      ['Ana', true],
      ['Beatriz', false],
    ]);
    expect(people[1]?.organization).toBe('Spain');
  });

  it('names each organization in the reader’s language from the server’s stamp', () => {
    const states = new Map([[1, { user: { id: 'b', name: 'Beatriz', organization: spain } }]]);
    expect(presentPeople(states, 9, 'es')[0]?.organization).toBe('España');
    expect(presentPeople(states, 9, 'en')[0]?.organization).toBe('Spain');
  });

  it('leaves the organization empty until the server has stamped it', () => {
    const states = new Map([[1, { user: { id: 'b', name: 'Beatriz', organization: 'Spain' } }]]);
    expect(presentPeople(states, 9, 'es')[0]?.organization).toBe('');
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

describe('renderCaret', () => {
  it('labels another person’s caret with their organization in the reader’s language', () => {
    const user = { name: 'Beatriz', organization: spain, color: '#d62728' };
    expect(renderCaret(user, 'es').textContent).toBe('Beatriz · España');
    expect(renderCaret(user, 'en').textContent).toBe('Beatriz · Spain');
    expect(renderCaret(user, 'en').getAttribute('aria-hidden')).toBe('true');
  });
});

describe('labelTextColor', () => {
  it('picks the readable text colour for each organization colour', () => {
    expect(labelTextColor('#1f77b4')).toBe('#ffffff');
    expect(labelTextColor('#ff7f0e')).toBe('#000000');
    expect(labelTextColor('#17becf')).toBe('#000000');
  });
});
