import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Doc } from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { PLAN_FRAGMENT, planExtensions } from '@mesa/editor';
import type { Locale } from '@mesa/shared';
import type { LocalUser } from '../../lib/collab';
import { renderCaret } from './caret';
import { ThreadHighlights } from './threadAnchors';

/** What the live editor binds to: a plan's Y.Doc and the awareness that carries carets. */
export interface LiveBinding {
  /** The plan's shared document. */
  doc: Doc;
  /** The provider (y-websocket in the app); only its awareness is read. */
  provider: { awareness: Awareness };
}

/**
 * The extensions of the live plan editor: the shared schema from @mesa/editor, Collaboration
 * (the Yjs binding and its undo manager, which tracks only this editor's own changes) and the
 * other people's carets, labelled with their organization in the reader's language, and the
 * highlights of the plan's comment threads. One list for the editor and for the undo tests, so the tests exercise
 * the undo manager exactly as the editor configures it. Undo groups one's own changes made less
 * than Yjs' default 500 ms apart; remote changes neither join nor split a group (docs/collab.md,
 * "Undo").
 */
export function livePlanExtensions(
  binding: LiveBinding,
  user: LocalUser,
  locale: Locale,
): AnyExtension[] {
  return [
    ...planExtensions(),
    Collaboration.configure({ document: binding.doc, field: PLAN_FRAGMENT }),
    CollaborationCaret.configure({
      provider: binding.provider,
      user,
      render: (caretUser) => renderCaret(caretUser, locale),
    }),
    ThreadHighlights,
  ];
}
