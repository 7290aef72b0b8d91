import type { ParseKeys } from 'i18next';
import type { AgendaItem, AgendaItemInput, AgendaItemKind } from '@mesa/shared';

/** An agenda item as the editor holds it: text fields as typed, a stable key for React and drag and drop. */
export interface DraftAgendaItem {
  /** Stable key in the editor (the item's id, or a fresh one for a new item). */
  key: string;
  /** The stored item's id, absent for a new one. */
  id?: string;
  titleEn: string;
  titleEs: string;
  kind: AgendaItemKind;
  presentingOrganizationId: string | null;
  programId: string | null;
  /** Planned minutes as typed. */
  plannedMinutes: string;
  reviewsActionItems: boolean;
}

let counter = 0;
/** A key for a new item, unique in this page. */
export function newItemKey(): string {
  counter += 1;
  return `new-${counter}`;
}

/** An empty new item. */
export function blankItem(): DraftAgendaItem {
  return {
    key: newItemKey(),
    titleEn: '',
    titleEs: '',
    kind: 'discussion',
    presentingOrganizationId: null,
    programId: null,
    plannedMinutes: '15',
    reviewsActionItems: false,
  };
}

/** The editor's copy of a stored agenda. */
export function draftOf(agenda: readonly AgendaItem[]): DraftAgendaItem[] {
  return [...agenda]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      key: item.id,
      id: item.id,
      titleEn: item.title.en,
      titleEs: item.title.es,
      kind: item.kind,
      presentingOrganizationId: item.presentingOrganizationId,
      programId: item.programId,
      plannedMinutes: String(item.plannedMinutes),
      reviewsActionItems: item.reviewsActionItems,
    }));
}

/** Moves the item at `from` to `to` (both clamped), keeping the others in order. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(items.length - 1, to));
  if (from === target || from < 0 || from >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** What is wrong with one item, as catalogue keys by field. */
export type AgendaItemProblems = Partial<
  Record<'titleEn' | 'titleEs' | 'plannedMinutes', ParseKeys>
>;

/** Checks each item: both titles (up to 200 characters) and planned minutes 1–480. */
export function agendaProblems(items: readonly DraftAgendaItem[]): AgendaItemProblems[] {
  return items.map((item) => {
    const problems: AgendaItemProblems = {};
    if (!item.titleEn.trim()) problems.titleEn = 'meetings.agenda.titleRequired';
    else if (item.titleEn.trim().length > 200) problems.titleEn = 'meetings.agenda.titleTooLong';
    if (!item.titleEs.trim()) problems.titleEs = 'meetings.agenda.titleRequired';
    else if (item.titleEs.trim().length > 200) problems.titleEs = 'meetings.agenda.titleTooLong';
    const minutes = Number(item.plannedMinutes);
    if (!/^\d+$/.test(item.plannedMinutes.trim()) || minutes < 1 || minutes > 480)
      problems.plannedMinutes = 'meetings.agenda.minutesRange';
    return problems;
  });
}

/** Whether any item has a problem. */
export function hasAgendaProblems(problems: readonly AgendaItemProblems[]): boolean {
  return problems.some((p) => Object.keys(p).length > 0);
}

/** The items as the API takes them, in order. */
export function agendaInput(items: readonly DraftAgendaItem[]): AgendaItemInput[] {
  return items.map((item) => ({
    ...(item.id ? { id: item.id } : {}),
    title: { en: item.titleEn.trim(), es: item.titleEs.trim() },
    kind: item.kind,
    presentingOrganizationId: item.presentingOrganizationId,
    programId: item.programId,
    plannedMinutes: Number(item.plannedMinutes),
    reviewsActionItems: item.reviewsActionItems,
  }));
}
