import { z } from 'zod';

const EDGE_WHITE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Removes leading and trailing white space (Unicode's White_Space). Unlike `String#trim` it
 * keeps U+FEFF: that is an invisible format character, not a space, and what a person typed
 * is never changed without saying so.
 */
export function trimWhiteSpace(text: string): string {
  return text.replace(EDGE_WHITE_SPACE, '');
}

/** Whether a string is well-formed UTF-16 (no lone surrogate, which no encoding can store). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** A string with its leading and trailing white space removed (see trimWhiteSpace). */
export function trimmedString() {
  return z.string().overwrite(trimWhiteSpace);
}
