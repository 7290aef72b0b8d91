import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';

const key = new PluginKey('readOnlyText');

/** Whether a transaction may apply to a read-only text: Yjs' own, or one that changes no text. */
export function allowedWhenReadOnly(transaction: Transaction): boolean {
  return !transaction.docChanged || isChangeOrigin(transaction);
}

/** Tab and Shift+Tab on their own move the focus on, out of the text, as on any page. */
function movesFocus(event: KeyboardEvent): boolean {
  return event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey;
}

/**
 * A live text (a plan, a meeting's minutes) that this person may read but not write, which the
 * keyboard still reaches: the view stays editable (ProseMirror's `editable` prop, which
 * otherwise sets `contenteditable="false"`, and with it the focus and the caret, would go), so
 * Tab reaches it, arrows move the caret and Shift+arrows select a passage to comment on or copy.
 *
 * Nothing may change the text: `filterTransaction` vetoes every transaction that changes the
 * document unless it comes from the Yjs binding (`isChangeOrigin`: other people's changes and
 * the first render), so keys, paste, drop, cut, IME and formatting shortcuts all end as a
 * vetoed transaction (ProseMirror redraws any DOM the browser changed itself), and nothing
 * reaches the Yjs document — the server would refuse it and, on the third, close the connection
 * (4403), while the page showed text that was never saved. `beforeinput` is cancelled as well
 * so the browser does not touch the DOM at all (IME composition cannot be cancelled; the veto
 * and the redraw remove it). Tab is left to the browser (a list's or table's Tab would keep
 * the focus inside). Screen readers hear a read-only text box (`aria-readonly`); `inputmode`
 * keeps the on-screen keyboard of a tablet closed and spell-checking is off.
 */
export const ReadOnlyText = Extension.create({
  name: 'readOnlyText',
  // Ahead of every other extension's key and input handlers.
  priority: 1000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        filterTransaction: allowedWhenReadOnly,
        props: {
          attributes: {
            class: 'plan-doc--readonly',
            'aria-readonly': 'true',
            inputmode: 'none',
            spellcheck: 'false',
          },
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
            // True skips ProseMirror's own key handling without preventing the default.
            keydown: (_view, event) => movesFocus(event),
          },
        },
      }),
    ];
  },
});
