import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { docToMarkdown } from '@mesa/editor';
import type { CollabSession } from '../../lib/collab';

/** The plan as it would print: when, and its text as Markdown (to compare with versions). */
export interface PrintSnapshot {
  /** When the snapshot was taken: the moment of printing when the browser says so. */
  at: Date;
  /** The plan's text as the Markdown export would write it. */
  markdown: string;
}

// While people type, the snapshot follows once they pause, not on every keystroke.
const SETTLE_MS = 400;

/**
 * Keeps a snapshot of the live plan for the print heading: refreshed after each burst of
 * changes, and at once when the browser is about to print (`beforeprint`), so the printed
 * date is the printing moment and the version line matches the text on the paper.
 */
export function usePrintSnapshot(doc: CollabSession['doc']): PrintSnapshot {
  const [snapshot, setSnapshot] = useState<PrintSnapshot>(() => ({
    at: new Date(),
    markdown: docToMarkdown(doc),
  }));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const take = () => setSnapshot({ at: new Date(), markdown: docToMarkdown(doc) });
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(take, SETTLE_MS);
    };
    // The browser lays the page out for print right after this event: render before it does.
    const beforePrint = () => {
      clearTimeout(timer);
      flushSync(take);
    };
    take();
    doc.on('update', soon);
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      clearTimeout(timer);
      doc.off('update', soon);
      window.removeEventListener('beforeprint', beforePrint);
    };
  }, [doc]);
  return snapshot;
}
