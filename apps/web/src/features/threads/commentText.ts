import { findMentions, type PersonRef } from '@mesa/shared';

/** One piece of a comment as the reader shows it; never HTML. */
export type CommentPart =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'link'; href: string; text: string }
  | { kind: 'mention'; person: PersonRef };

// Only these schemes become links: javascript:, data: and the rest stay text.
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"]+/gi;
// Punctuation that ends a sentence is not part of the address before it.
const TRAILING = /[.,;:!?)\]'»]+$/;

function isSafeHref(href: string): boolean {
  if (!URL.canParse(href)) return false;
  const url = new URL(href);
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

function linesOf(text: string): CommentPart[] {
  const parts: CommentPart[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) parts.push({ kind: 'break' });
    if (line !== '') parts.push({ kind: 'text', text: line });
  });
  return parts;
}

function linksOf(text: string): CommentPart[] {
  const parts: CommentPart[] = [];
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    const href = match[0].replace(TRAILING, '');
    if (!isSafeHref(href)) continue;
    parts.push(...linesOf(text.slice(at, match.index)));
    parts.push({ kind: 'link', href, text: href.replace(/^mailto:/i, '') });
    at = match.index + href.length;
  }
  parts.push(...linesOf(text.slice(at)));
  return parts;
}

/**
 * Splits a comment's plain text into text, line breaks, links (http, https and mailto only) and
 * mentions. A mention token becomes the person named in `mentions` (their current name); a
 * token for anyone else stays the plain text `@label`.
 */
export function parseCommentText(body: string, mentions: readonly PersonRef[]): CommentPart[] {
  const parts: CommentPart[] = [];
  let at = 0;
  for (const token of findMentions(body)) {
    parts.push(...linksOf(body.slice(at, token.index)));
    const person = mentions.find((p) => p.id === token.personId);
    parts.push(person ? { kind: 'mention', person } : { kind: 'text', text: `@${token.label}` });
    at = token.index + token.length;
  }
  parts.push(...linksOf(body.slice(at)));
  return parts;
}
