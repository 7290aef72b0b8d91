import type { DragEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits } from '@mesa/shared';
import type { DraftEntry } from './ballotDraft';

/** Props of BallotEntryRow. */
export interface BallotEntryRowProps {
  entry: DraftEntry;
  /** 0-based place. */
  index: number;
  total: number;
  /** The program's label in the reader's language ("BA1 · Title"). */
  label: string;
  editable: boolean;
  /**
   * Moves the entry; `control` names the row's control that did it (`moveUp`, `moveDown`,
   * `rationale`, …) so focus can stay on it at the new place, null for a drag.
   */
  onMove: (from: number, to: number, control: string | null) => void;
  onRemove: (index: number) => void;
  onRationale: (index: number, text: string) => void;
}

/** One place of the ballot editor: drag handle, Move up/down (or Alt+Arrow keys), remove, rationale. */
export function BallotEntryRow({
  entry,
  index,
  total,
  label,
  editable,
  onMove,
  onRemove,
  onRationale,
}: BallotEntryRowProps) {
  const { t } = useTranslation();
  const onKeyDown = (event: KeyboardEvent) => {
    if (!editable || !event.altKey) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const control = event.target instanceof HTMLElement ? event.target.dataset.control : null;
      onMove(index, event.key === 'ArrowUp' ? index - 1 : index + 1, control ?? null);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const from = Number(event.dataTransfer.getData('text/x-mesa-place'));
    if (Number.isInteger(from)) onMove(from, index, null);
  };
  const rationaleId = `rationale-${entry.programId}`;
  const actions = [
    { key: 'moveUp', disabled: index === 0, run: () => onMove(index, index - 1, 'moveUp') },
    {
      key: 'moveDown',
      disabled: index === total - 1,
      run: () => onMove(index, index + 1, 'moveDown'),
    },
    { key: 'remove', disabled: false, run: () => onRemove(index) },
  ] as const;
  return (
    <li
      className="ballot-entry"
      draggable={editable}
      onDragStart={(e) => e.dataTransfer.setData('text/x-mesa-place', String(index))}
      onDragOver={(e) => editable && e.preventDefault()}
      onDrop={onDrop}
      onKeyDown={onKeyDown}
      data-program-id={entry.programId}
    >
      <div className="ballot-entry__head">
        <span className="ballot-entry__place" aria-hidden="true">
          {index + 1}
        </span>
        <span className="ballot-entry__label">
          <span className="visually-hidden">
            {t('priorities.ballot.place', { position: index + 1, total })}{' '}
          </span>
          {label}
        </span>
        {editable ? (
          <span className="ballot-entry__actions">
            {actions.map((action) => (
              <button
                key={action.key}
                type="button"
                className="button button--small button--secondary"
                disabled={action.disabled}
                data-control={action.key}
                onClick={action.run}
                aria-label={t(`priorities.ballot.${action.key}Label`, { program: label })}
              >
                {t(`priorities.ballot.${action.key}`)}
              </button>
            ))}
          </span>
        ) : null}
      </div>
      {editable ? (
        <div className="ballot-entry__rationale">
          <label htmlFor={rationaleId}>{t('priorities.ballot.rationale')}</label>
          <textarea
            id={rationaleId}
            data-control="rationale"
            maxLength={Limits.rationaleMaxLength}
            rows={2}
            value={entry.rationale}
            onChange={(e) => onRationale(index, e.target.value)}
          />
        </div>
      ) : entry.rationale ? (
        <p className="ballot-entry__rationale-text">{entry.rationale}</p>
      ) : null}
    </li>
  );
}
