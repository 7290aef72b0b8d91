import { useEffect, useRef, type RefObject } from 'react';

/** The move buttons of a row; when the one used is disabled at the new place, the other takes focus. */
const otherMoveButton: Record<string, string> = { moveUp: 'moveDown', moveDown: 'moveUp' };

function enabledControl(row: Element, name: string | undefined): HTMLElement | null {
  if (!name) return null;
  const el = row.querySelector<HTMLElement>(`[data-control="${name}"]`);
  if (!el || (el instanceof HTMLButtonElement && el.disabled)) return null;
  return el;
}

/**
 * Keeps focus on the control that moved a list entry (`data-control` on the row's buttons and
 * fields, `data-program-id` on the row): once the list has rendered the entry at its new place
 * — moving a keyed row takes it out of the document, which drops its focus — the same control
 * is focused there, or the other move button when that one is now disabled (the entry reached
 * an end). Returns the function a move calls with the entry and the control it used.
 */
export function useMoveFocus(list: RefObject<HTMLElement | null>, order: unknown) {
  const pending = useRef<{ programId: string; control: string } | null>(null);
  useEffect(() => {
    const target = pending.current;
    pending.current = null;
    if (!target || !list.current) return;
    const row = Array.from(list.current.children).find(
      (el) => el instanceof HTMLElement && el.dataset.programId === target.programId,
    );
    if (!row) return;
    const control =
      enabledControl(row, target.control) ?? enabledControl(row, otherMoveButton[target.control]);
    control?.focus();
  }, [list, order]);
  return (programId: string, control: string | null) => {
    pending.current = control ? { programId, control } : null;
  };
}
