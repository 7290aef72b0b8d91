import type { Ballot } from '@mesa/shared';

/** One place of a ballot being edited. */
export interface DraftEntry {
  programId: string;
  rationale: string;
}

/** The editable copy of a stored ballot. */
export function draftOf(ballot: Ballot): DraftEntry[] {
  return ballot.entries.map((e) => ({ programId: e.programId, rationale: e.rationale ?? '' }));
}

/** The entries moved: the one at `from` now at `to` (both clamped), the rest in order. */
export function moveEntry<T>(entries: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(entries.length - 1, to));
  if (from === target || from < 0 || from >= entries.length) return [...entries];
  const next = [...entries];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** Whether the draft differs from the stored ballot. */
export function isDirty(draft: readonly DraftEntry[], ballot: Ballot): boolean {
  return JSON.stringify(draft) !== JSON.stringify(draftOf(ballot));
}
