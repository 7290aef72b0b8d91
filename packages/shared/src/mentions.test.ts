import { describe, expect, it } from 'vitest';
import {
  findMentions,
  mentionToken,
  mentionedIds,
  mentionsAsText,
  replaceMentions,
} from './mentions.js';

describe('mentions', () => {
  it('finds tokens with their ids and labels, and writes them as plain text', () => {
    const text = `Hi ${mentionToken('abc123', 'Ana Pérez')} and ${mentionToken('xyz', 'Li [IDB]')}, see ${mentionToken('abc123', 'Ana')}`;
    expect(findMentions(text).map((m) => [m.personId, m.label])).toEqual([
      ['abc123', 'Ana Pérez'],
      ['xyz', 'Li  IDB'],
      ['abc123', 'Ana'],
    ]);
    expect(mentionedIds(text)).toEqual(['abc123', 'xyz']);
    expect(mentionsAsText(text)).toBe('Hi @Ana Pérez and @Li  IDB, see @Ana');
  });

  it('ignores look-alikes: ids out of shape, labels across lines, other link kinds', () => {
    const text = '@[Ana](person:ABC) @[A\nna](person:abc) @[Ana](user:abc) [Ana](person:abc)';
    expect(findMentions(text)).toEqual([]);
  });

  it('lets the server turn a token it refuses into plain text', () => {
    const text = `${mentionToken('keep', 'Kept')} ${mentionToken('drop', 'Dropped')}`;
    const out = replaceMentions(text, (m) =>
      m.personId === 'keep' ? mentionToken(m.personId, m.label) : `@${m.label}`,
    );
    expect(out).toBe('@[Kept](person:keep) @Dropped');
  });
});
