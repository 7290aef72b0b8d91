import { useEffect } from 'react';
import type { Editor } from '@tiptap/react';
import { threadHighlightsKey, type HighlightInput } from './threadAnchors';

/**
 * Tells the editor's highlight plugin which passages to mark and which is active, and scrolls
 * the active passage into view once it is marked (at once, or when the plan has loaded).
 */
export function useThreadHighlights(editor: Editor | null, input: HighlightInput): void {
  const { anchors, activeId } = input;
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const meta: HighlightInput = { anchors, activeId };
    editor.view.dispatch(editor.state.tr.setMeta(threadHighlightsKey, meta));
  }, [editor, anchors, activeId]);
  useEffect(() => {
    if (!editor || editor.isDestroyed || !activeId) return;
    const scroll = () => {
      const selector = `[data-thread-id="${CSS.escape(activeId)}"]`;
      const mark = editor.view.dom.querySelector(selector);
      if (!mark) return false;
      mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return true;
    };
    if (scroll()) return;
    // The passage is marked once the plan has loaded: scroll then, once.
    const onTransaction = () => {
      if (scroll()) editor.off('transaction', onTransaction);
    };
    editor.on('transaction', onTransaction);
    return () => void editor.off('transaction', onTransaction);
  }, [editor, activeId]);
}
