import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
  type ProsemirrorBinding,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { Limits, type AnchorInput } from '@mesa/shared';

/** A thread's passage as the editor highlights it. */
export interface HighlightAnchor {
  /** The thread's id. */
  id: string;
  /** Encoded relative position of the first character (base64). */
  start: string;
  /** Encoded relative position after the last character (base64). */
  end: string;
}

/** What the highlight plugin is told from React: the passages and the active thread. */
export interface HighlightInput {
  /** The open threads' passages. */
  anchors: readonly HighlightAnchor[];
  /** The thread open in the panel. */
  activeId: string | null;
}

interface HighlightState extends HighlightInput {
  decorations: DecorationSet;
}

/** The plugin's key; a transaction with `HighlightInput` as its meta replaces the input. */
export const threadHighlightsKey = new PluginKey<HighlightState>('threadHighlights');
const RECOMPUTE = 'recompute';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** The Yjs binding's state as y-tiptap documents it (its key's plugin state). */
interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: ProsemirrorBinding | null;
}

function syncOf(state: EditorState): (SyncState & { binding: ProsemirrorBinding }) | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!sync?.binding) return null;
  return { ...sync, binding: sync.binding };
}

/** Where a thread's passage is in the editor now, or null when it is gone or unreadable. */
export function resolveAnchor(state: EditorState, anchor: HighlightAnchor) {
  const sync = syncOf(state);
  if (!sync || sync.binding.mapping.size === 0) return null;
  try {
    const at = (encoded: string) => {
      const position = Y.decodeRelativePosition(fromBase64(encoded));
      const found = relativePositionToAbsolutePosition(
        sync.doc,
        sync.type,
        position,
        sync.binding.mapping,
      );
      if (found !== null) return found;
      // y-tiptap refuses a character position that lands at the document's very start (its
      // guard against positions misplaced by a structural change); the same place named by
      // its text and index resolves.
      const absolute = Y.createAbsolutePositionFromRelativePosition(position, sync.doc);
      if (!absolute || absolute.index !== 0) return null;
      const byIndex = Y.createRelativePositionFromTypeIndex(absolute.type, 0, -1);
      return relativePositionToAbsolutePosition(sync.doc, sync.type, byIndex, sync.binding.mapping);
    };
    const from = at(anchor.start);
    const to = at(anchor.end);
    if (from === null || to === null || from >= to || to > state.doc.content.size) return null;
    return { from, to };
  } catch {
    // A position from another document or bad bytes: nothing to highlight.
    return null;
  }
}

function decorate(state: EditorState, input: HighlightInput): DecorationSet {
  const decorations: Decoration[] = [];
  for (const anchor of input.anchors) {
    const range = resolveAnchor(state, anchor);
    if (!range) continue;
    const active = anchor.id === input.activeId;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: active ? 'thread-highlight thread-highlight--active' : 'thread-highlight',
        'data-thread-id': anchor.id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function applyHighlights(tr: Transaction, value: HighlightState, state: EditorState) {
  const input = tr.getMeta(threadHighlightsKey) as HighlightInput | typeof RECOMPUTE | undefined;
  if (input === RECOMPUTE) return { ...value, decorations: decorate(state, value) };
  if (input) return { ...input, decorations: decorate(state, input) };
  // Local edits reach the Yjs mapping only after this transaction: map now, recompute after.
  if (tr.docChanged) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
  return value;
}

/**
 * Highlights the passages of a document's threads, computed from their Yjs relative positions
 * (so they follow everyone's edits), recomputed after every change of the document and every
 * new input; each highlight carries its thread's id (`data-thread-id`).
 */
export const ThreadHighlights = Extension.create({
  name: 'threadHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: threadHighlightsKey,
        state: {
          init: () => ({ anchors: [], activeId: null, decorations: DecorationSet.empty }),
          apply: applyHighlights,
        },
        props: { decorations: (state) => threadHighlightsKey.getState(state)?.decorations },
        view: () => {
          let queued = false;
          return {
            update: (view, previous) => {
              if (queued || view.state.doc === previous.doc) return;
              queued = true;
              queueMicrotask(() => {
                queued = false;
                if (!view.isDestroyed) {
                  view.dispatch(view.state.tr.setMeta(threadHighlightsKey, RECOMPUTE));
                }
              });
            },
          };
        },
      }),
    ];
  },
});

/** Why a selection cannot be commented on. */
export type AnchorProblem = 'empty' | 'tooLong' | 'unbound';

/** The selection narrowed to its text: no block boundary at either end. */
function textRange(state: EditorState): { from: number; to: number } {
  let { from, to } = state.selection;
  while (from < to && state.doc.textBetween(from, from + 1) === '') from++;
  while (to > from && state.doc.textBetween(to - 1, to) === '') to--;
  return { from, to };
}

/**
 * A passage selected for a new thread: the anchor to send, and its text as this editor shows
 * it, for the composer only — the server stores the quote it reads from its own copy.
 */
export type AnchorDraft = AnchorInput & {
  /** The selection's text (hard line breaks as line feeds), shown above the composer. */
  quote: string;
};

/** A hard line break reads as a line feed, like the server's quotes; other leaves as one mark. */
function leafText(node: ProseMirrorNode): string {
  return node.type.name === 'hardBreak' ? '\n' : '\uFFFC';
}

/**
 * The selected passage as an anchor, or why there is none. As the server expects
 * (docs/collab.md, "Comment anchors"): the start on the passage's first character, the end on
 * its last character with assoc −1, so text typed right before or after stays outside it.
 */
export function anchorFromSelection(state: EditorState): AnchorDraft | AnchorProblem {
  const { from, to } = textRange(state);
  const quote = state.doc.textBetween(from, to, '\n', leafText);
  if (from === to || quote.trim() === '') return 'empty';
  if (quote.length > Limits.anchorQuoteMaxLength) return 'tooLong';
  const sync = syncOf(state);
  if (!sync) return 'unbound';
  // y-tiptap anchors a text position to the character before it (assoc −1): at `to` that is
  // the passage's last character, as wanted; at `from + 1` it is the first, which the start
  // needs on its right side (assoc 0), so text typed just before the passage stays outside.
  const at = (pos: number) =>
    absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping) as Y.RelativePosition;
  const first = at(from + 1);
  const start = new Y.RelativePosition(first.type, first.tname, first.item, 0);
  const end = at(to);
  const encode = (position: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(position));
  return { start: encode(start), end: encode(end), quote };
}
