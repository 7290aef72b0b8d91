/* eslint-disable @typescript-eslint/no-explicit-any -- Yjs types are keyed by their event type */
import { Limits } from '@mesa/shared';
import * as Y from 'yjs';

/**
 * Anchors of document threads: a passage as two Yjs relative positions (start, end) of one
 * document's XmlFragment, kept on the server outside the document. Relative positions name
 * Yjs items, so they follow concurrent edits; whether the passage still exists is computed
 * against the document's current state whenever a thread is read (docs/collab.md).
 *
 * Positions are resolved against a linear view of the fragment: the text of its XmlText
 * nodes in document order, a line feed between blocks, an embed as one character (U+FFFC).
 * A position inside an XmlText maps to its character offset; a position between children of
 * an element maps to where that child starts. A hard line break (an element inside a block)
 * reads as a line feed too; an empty block adds nothing.
 *
 * This one view both makes a thread's quote (checkAnchor) and finds it again after a restore
 * (anchorQuote): the quote is never taken from a client, whose editor lays text out otherwise.
 */

/** Why an anchor is refused: which field, in words a person can act on. */
export interface AnchorRefusal {
  field: 'anchor' | 'anchor.start' | 'anchor.end';
  message: string;
}

interface TextSpan {
  type: Y.XmlText;
  start: number;
  end: number;
}

/** A document's fragment seen as one text, with where each of its live types sits in it. */
export interface LinearText {
  /** The fragment's text, blocks separated by line feeds. */
  text: string;
  /** The offset a (type, index) position stands for, or null when the type is not live in the fragment. */
  offsetOf(type: Y.AbstractType<any>, index: number): number | null;
  /** A relative position for an offset: `start` on the character at it, `end` on the one before (assoc -1). */
  positionAt(offset: number, side: 'start' | 'end'): Y.RelativePosition | null;
}

function textOf(node: Y.XmlText): string {
  const delta = node.toDelta() as { insert: unknown }[];
  return delta.map((d) => (typeof d.insert === 'string' ? d.insert : '\uFFFC')).join('');
}

/** The fragment as one text (see above). */
export function linearize(fragment: Y.XmlFragment): LinearText {
  let text = '';
  const texts = new Map<Y.AbstractType<any>, TextSpan>();
  const spans: TextSpan[] = [];
  const children = new Map<Y.AbstractType<any>, { starts: number[]; end: number }>();
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    const starts: number[] = [];
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (text.length > 0 && !text.endsWith('\n')) text += '\n';
        starts.push(text.length);
        walk(child);
      } else if (child instanceof Y.XmlText) {
        starts.push(text.length);
        const content = textOf(child);
        const span = { type: child, start: text.length, end: text.length + content.length };
        text += content;
        texts.set(child, span);
        spans.push(span);
      } else {
        starts.push(text.length);
      }
    }
    children.set(type, { starts, end: text.length });
  };
  walk(fragment);
  return {
    text,
    offsetOf(type, index) {
      const span = texts.get(type);
      if (span) return index >= 0 && index <= span.end - span.start ? span.start + index : null;
      const element = children.get(type);
      if (!element || index < 0 || index > element.starts.length) return null;
      return index < element.starts.length ? element.starts[index]! : element.end;
    },
    positionAt(offset, side) {
      const span = spans.find((s) =>
        side === 'start'
          ? s.start <= offset && offset < s.end
          : s.start < offset && offset <= s.end,
      );
      if (!span) return null;
      // The end sticks to the passage's last character: text typed right after stays outside.
      return Y.createRelativePositionFromTypeIndex(
        span.type,
        offset - span.start,
        side === 'start' ? 0 : -1,
      );
    },
  };
}

/** Decodes a base64 `Y.encodeRelativePosition`, or null when it is not one. */
export function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    const bytes = Buffer.from(encoded, 'base64');
    if (bytes.length === 0) return null;
    const position = Y.decodeRelativePosition(bytes);
    if (position.item === null && position.type === null && position.tname === null) return null;
    return position;
  } catch {
    return null;
  }
}

/** Base64 of a relative position. */
export function encodePosition(position: Y.RelativePosition): string {
  return Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
}

/** A document state opened for resolving anchors (one per listing, not per thread). */
export interface AnchorDocument {
  doc: Y.Doc;
  fragmentName: string;
  fragment: Y.XmlFragment;
  linear: LinearText;
  destroy(): void;
}

/** Opens a document state with the named fragment. */
export function openAnchorDocument(state: Uint8Array, fragmentName: string): AnchorDocument {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const fragment = doc.getXmlFragment(fragmentName);
  return { doc, fragmentName, fragment, linear: linearize(fragment), destroy: () => doc.destroy() };
}

function resolve(target: AnchorDocument, encoded: string | null): number | null {
  if (encoded === null) return null;
  const position = decodePosition(encoded);
  if (!position) return null;
  // A position naming a root type by name would create it: only the fragment's name is looked up.
  if (position.tname !== null && position.tname !== target.fragmentName) return null;
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(position, target.doc);
  } catch {
    return null;
  }
  if (!absolute) return null;
  return target.linear.offsetOf(absolute.type, absolute.index);
}

/** Where a stored anchor's passage is now: its offsets and text, or null once it is gone. */
export function locateAnchor(
  target: AnchorDocument,
  start: string | null,
  end: string | null,
): { start: number; end: number; text: string } | null {
  const from = resolve(target, start);
  const to = resolve(target, end);
  if (from === null || to === null || from >= to) return null;
  return { start: from, end: to, text: target.linear.text.slice(from, to) };
}

/**
 * Checks a new anchor against the document as the server holds it: both positions decode,
 * name items of this document's fragment that the server has, the start comes strictly
 * before the end, and the passage between them has text (not only white space) of at most
 * `Limits.anchorQuoteMaxLength` characters. Returns the refusal, or the passage's quote.
 */
export function checkAnchor(
  target: AnchorDocument,
  anchor: { start: string; end: string },
): { refusal: AnchorRefusal } | { quote: string } {
  const unsaved =
    "is not in this plan's saved text: wait until the passage shows as saved and try again";
  for (const field of ['start', 'end'] as const) {
    if (!decodePosition(anchor[field]))
      return {
        refusal: {
          field: `anchor.${field}`,
          message: `anchor.${field} is not a Yjs relative position`,
        },
      };
  }
  const from = resolve(target, anchor.start);
  if (from === null)
    return { refusal: { field: 'anchor.start', message: `anchor.start ${unsaved}` } };
  const to = resolve(target, anchor.end);
  if (to === null) return { refusal: { field: 'anchor.end', message: `anchor.end ${unsaved}` } };
  if (from >= to)
    return {
      refusal: { field: 'anchor.end', message: 'anchor.end must come after anchor.start' },
    };
  const quote = target.linear.text.slice(from, to);
  if (quote.trim() === '')
    return {
      refusal: { field: 'anchor', message: 'anchor: the passage has no text; select some' },
    };
  if (quote.length > Limits.anchorQuoteMaxLength)
    return {
      refusal: {
        field: 'anchor',
        message: `anchor: the passage is longer than ${Limits.anchorQuoteMaxLength} characters; select less`,
      },
    };
  return { quote };
}

/**
 * New positions for a quote in the document when it occurs there exactly once (a restored
 * version), or null when it occurs never or more than once.
 */
export function anchorQuote(
  target: AnchorDocument,
  quote: string,
): { start: string; end: string } | null {
  const { text } = target.linear;
  const at = text.indexOf(quote);
  if (at < 0 || quote.length === 0 || text.indexOf(quote, at + 1) >= 0) return null;
  const start = target.linear.positionAt(at, 'start');
  const end = target.linear.positionAt(at + quote.length, 'end');
  if (!start || !end) return null;
  return { start: encodePosition(start), end: encodePosition(end) };
}
