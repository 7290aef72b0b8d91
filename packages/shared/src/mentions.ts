/**
 * Mentions inside comment text. A comment is plain text; a mention is the token
 * `@[label](person:<id>)`, where the label is the name shown when it was written. The web
 * composer inserts tokens from the suggestions; the server keeps a token only when that person
 * may read the thread's subject and turns any other into the plain text `@label`, so a mention
 * of someone without access is stored as text and notifies nobody. Readers render a token
 * with the person's current name; plain-text outputs (exports, CSV, notification excerpts)
 * use `mentionsAsText`.
 */

/** One mention token: `@[label](person:<id>)`; the label has no brackets or line breaks. */
const MENTION = /@\[([^[\]\n\r]{1,120})\]\(person:([a-z0-9_-]{1,64})\)/g;

/** A mention found in a text. */
export interface MentionToken {
  /** The person's id. */
  personId: string;
  /** The label written in the token. */
  label: string;
  /** Where the token starts in the text (UTF-16 index). */
  index: number;
  /** The token's length. */
  length: number;
}

/** Every mention token in a text, in order. */
export function findMentions(text: string): MentionToken[] {
  const found: MentionToken[] = [];
  for (const match of text.matchAll(MENTION)) {
    found.push({
      personId: match[2] ?? '',
      label: match[1] ?? '',
      index: match.index,
      length: match[0].length,
    });
  }
  return found;
}

/** The distinct ids mentioned in a text, in order of first mention. */
export function mentionedIds(text: string): string[] {
  return [...new Set(findMentions(text).map((m) => m.personId))];
}

/** The token for a person, with brackets and line breaks taken out of the label. */
export function mentionToken(personId: string, label: string): string {
  const clean =
    label
      .replace(/[[\]\n\r]/g, ' ')
      .trim()
      .slice(0, 120) || '?';
  return `@[${clean}](person:${personId})`;
}

/** Replaces every token with what `render` returns for it (the server's keep-or-plain step). */
export function replaceMentions(text: string, render: (mention: MentionToken) => string): string {
  return text.replace(MENTION, (whole: string, label: string, personId: string, index: number) =>
    render({ personId, label, index, length: whole.length }),
  );
}

/** The text with every token written as `@label` (for plain-text outputs). */
export function mentionsAsText(text: string): string {
  return replaceMentions(text, (m) => `@${m.label}`);
}
