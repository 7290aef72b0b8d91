import { mentionToken, type PersonRef } from '@mesa/shared';

/** The "@…" being typed just before the caret: where it starts and what follows the @. */
export interface MentionQuery {
  /** Index of the @ in the text. */
  start: number;
  /** What was typed after the @ (up to the caret). */
  text: string;
}

// An @ at the start or after white space, then a name of at most two words, up to the caret.
const TYPING = /(^|\s)@([^\s@[\]()]{1,40}(?: [^\s@[\]()]{0,40})?)$/;

/** The mention being typed at `caret`, or null when the caret is not after "@name". */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const match = TYPING.exec(text.slice(0, caret));
  if (!match) return null;
  const typed = match[2] ?? '';
  return { start: caret - typed.length - 1, text: typed };
}

/** The text with the typed "@name" replaced by the person's token and a space; the new caret. */
export function insertMention(
  text: string,
  caret: number,
  query: MentionQuery,
  person: PersonRef,
): { text: string; caret: number } {
  const token = `${mentionToken(person.id, person.name)} `;
  const before = text.slice(0, query.start);
  return { text: before + token + text.slice(caret), caret: before.length + token.length };
}
