import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { blankItem, moveItem, type AgendaItemProblems, type DraftAgendaItem } from './agendaDraft';

/** A choice offered for an item's presenting organization or program. */
export interface AgendaChoice {
  id: string;
  label: string;
}

/** Props of AgendaEditor. */
export interface AgendaEditorProps {
  /** The list's accessible name. */
  label: string;
  items: readonly DraftAgendaItem[];
  onChange: (items: DraftAgendaItem[]) => void;
  /** Participating organizations (presenting organization). */
  organizations: readonly AgendaChoice[];
  /** The meeting's programs (an item's program). */
  programs: readonly AgendaChoice[];
  /** Problems by item, shown once the person tried to save. */
  problems?: readonly AgendaItemProblems[];
  /** At most this many items. */
  max: number;
}

interface RowProps {
  item: DraftAgendaItem;
  index: number;
  total: number;
  problems: AgendaItemProblems | undefined;
  organizations: readonly AgendaChoice[];
  programs: readonly AgendaChoice[];
  onEdit: (patch: Partial<DraftAgendaItem>) => void;
  onRemove: () => void;
}

function AgendaRow({
  item,
  index,
  total,
  problems,
  organizations,
  programs,
  onEdit,
  onRemove,
}: RowProps) {
  const { t } = useTranslation();
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: item.key });
  const name = item.titleEn || item.titleEs || t('meetings.agenda.untitled');
  const err = (key: ParseKeys | undefined) => (key ? t(key) : undefined);
  return (
    <li
      ref={setNodeRef}
      className={`agenda-editor__item${isDragging ? ' agenda-editor__item--dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-key={item.key}
    >
      <div className="agenda-editor__head">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="agenda-editor__handle"
          {...attributes}
          {...listeners}
          aria-label={t('meetings.agenda.handle', { position: index + 1, total, name })}
        >
          <span aria-hidden="true">⠿</span> {index + 1}
        </button>
        <span className="agenda-editor__name">{name}</span>
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          {t('meetings.agenda.remove')}
          <span className="visually-hidden">: {name}</span>
        </button>
      </div>
      <div className="agenda-editor__fields">
        <TextField
          label={t('meetings.agenda.titleEn')}
          lang="en"
          value={item.titleEn}
          maxLength={200}
          error={err(problems?.titleEn)}
          onChange={(e) => onEdit({ titleEn: e.target.value })}
        />
        <TextField
          label={t('meetings.agenda.titleEs')}
          lang="es"
          value={item.titleEs}
          maxLength={200}
          error={err(problems?.titleEs)}
          onChange={(e) => onEdit({ titleEs: e.target.value })}
        />
        <SelectField
          label={t('meetings.agenda.kind')}
          value={item.kind}
          options={(['information', 'discussion', 'decision'] as const).map((kind) => ({
            value: kind,
            label: t(`meetings.kind.${kind}`),
          }))}
          onChange={(e) => onEdit({ kind: e.target.value as DraftAgendaItem['kind'] })}
        />
        <TextField
          label={t('meetings.agenda.minutes')}
          inputMode="numeric"
          value={item.plannedMinutes}
          error={err(problems?.plannedMinutes)}
          onChange={(e) => onEdit({ plannedMinutes: e.target.value })}
        />
        <SelectField
          label={t('meetings.agenda.presenter')}
          value={item.presentingOrganizationId ?? ''}
          options={[
            { value: '', label: t('meetings.agenda.none') },
            ...organizations.map((o) => ({ value: o.id, label: o.label })),
          ]}
          onChange={(e) => onEdit({ presentingOrganizationId: e.target.value || null })}
        />
        <SelectField
          label={t('meetings.agenda.program')}
          value={item.programId ?? ''}
          options={[
            { value: '', label: t('meetings.agenda.none') },
            ...programs.map((p) => ({ value: p.id, label: p.label })),
          ]}
          onChange={(e) => onEdit({ programId: e.target.value || null })}
        />
      </div>
      {item.reviewsActionItems ? (
        <p className="muted agenda-editor__review">{t('meetings.agenda.reviewNote')}</p>
      ) : null}
    </li>
  );
}

/**
 * The agenda as the chair edits it: add, edit and remove items, and reorder them by drag and
 * drop or by keyboard (@dnd-kit's keyboard sensor: focus a handle, Space to pick the item up,
 * arrows to move it, Space to drop, Escape to cancel), each step announced in the interface
 * language.
 */
export function AgendaEditor({
  label,
  items,
  onChange,
  organizations,
  programs,
  problems,
  max,
}: AgendaEditorProps) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const added = useRef<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const indexOf = (id: UniqueIdentifier) => items.findIndex((item) => item.key === id);
  const nameOf = (id: UniqueIdentifier) => {
    const item = items[indexOf(id)];
    return item?.titleEn || item?.titleEs || t('meetings.agenda.untitled');
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('meetings.agenda.pickedUp', {
        name: nameOf(active.id),
        position: indexOf(active.id) + 1,
        total: items.length,
      }),
    onDragOver: ({ active, over }) =>
      over
        ? t('meetings.agenda.movedOver', {
            name: nameOf(active.id),
            position: indexOf(over.id) + 1,
            total: items.length,
          })
        : undefined,
    onDragEnd: ({ active, over }) =>
      t('meetings.agenda.dropped', {
        name: nameOf(active.id),
        position: (over ? indexOf(over.id) : indexOf(active.id)) + 1,
        total: items.length,
      }),
    onDragCancel: ({ active }) =>
      t('meetings.agenda.cancelled', {
        name: nameOf(active.id),
        position: indexOf(active.id) + 1,
      }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(moveItem(items, indexOf(active.id), indexOf(over.id)));
  };
  const edit = (index: number, patch: Partial<DraftAgendaItem>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const add = () => {
    const item = blankItem();
    added.current = item.key;
    onChange([...items, item]);
  };
  useEffect(() => {
    // Focus the new item's English title once it is rendered.
    if (!added.current) return;
    listRef.current
      ?.querySelector<HTMLInputElement>(`[data-key="${added.current}"] input`)
      ?.focus();
    added.current = null;
  }, [items]);
  return (
    <div className="agenda-editor">
      <p className="muted" id="agenda-editor-howto">
        {t('meetings.agenda.howTo')}
      </p>
      {items.length === 0 ? <p className="muted">{t('meetings.agenda.empty')}</p> : null}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('meetings.agenda.instructions') },
        }}
      >
        <SortableContext items={items.map((i) => i.key)} strategy={verticalListSortingStrategy}>
          <ol ref={listRef} className="agenda-editor__list" aria-label={label}>
            {items.map((item, index) => (
              <AgendaRow
                key={item.key}
                item={item}
                index={index}
                total={items.length}
                problems={problems?.[index]}
                organizations={organizations}
                programs={programs}
                onEdit={(patch) => edit(index, patch)}
                onRemove={() => onChange(items.filter((_, i) => i !== index))}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <button
        type="button"
        className="button button--secondary"
        onClick={add}
        disabled={items.length >= max}
      >
        {t('meetings.agenda.add')}
      </button>
    </div>
  );
}
