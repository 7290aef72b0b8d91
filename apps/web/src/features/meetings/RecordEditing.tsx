import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionItem, Decision, Meeting } from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { useErrorText } from '../../hooks/useErrorText';
import { ApiError } from '../../lib/api';
import { deleteDecision, updateActionItem, updateDecision } from '../../lib/meetingsApi';
import { ActionItemForm, DecisionForm } from './RecordForms';

type Mode = 'view' | 'edit' | 'confirmDelete';

/** Puts focus back on the button that opened a form or a question once it closes. */
function useReturnFocus(mode: Mode) {
  const editRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const last = useRef<Mode>(mode);
  useEffect(() => {
    if (mode === 'view' && last.current === 'edit') editRef.current?.focus();
    if (mode === 'view' && last.current === 'confirmDelete') deleteRef.current?.focus();
    last.current = mode;
  }, [mode]);
  return { editRef, deleteRef };
}

/** Edit and delete for one decision (those who may record decisions), deleting after a question. */
export function DecisionEditControls({
  meeting,
  decision,
  onDeleted,
}: {
  meeting: Meeting;
  decision: Decision;
  /** Called once the decision is gone, to move focus and say so outside the removed item. */
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('view');
  const [problem, setProblem] = useState<string>();
  const { editRef, deleteRef } = useReturnFocus(mode);
  const keepRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const remove = useMutation({
    mutationFn: () => deleteDecision(meeting.id, decision.id),
    onSuccess: async () => {
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
    onError: (error) =>
      setProblem(
        error instanceof ApiError && error.status === 409
          ? t('meetings.records.frozen')
          : errorText(error),
      ),
  });
  useEffect(() => {
    if (mode === 'confirmDelete') keepRef.current?.focus();
  }, [mode]);
  if (mode === 'edit')
    return (
      <DecisionForm
        meeting={meeting}
        editing={decision}
        save={(input) => updateDecision(meeting.id, decision.id, input)}
        onSaved={() => setMode('view')}
        onCancel={() => setMode('view')}
      />
    );
  if (mode === 'confirmDelete')
    return (
      <div
        className="record-item__confirm"
        role="group"
        aria-labelledby={questionId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setMode('view');
        }}
      >
        <p id={questionId}>{t('meetings.decisions.deleteConfirm')}</p>
        <FormAlert message={problem} />
        <div className="record-form__buttons">
          <button
            type="button"
            className="button button--danger button--small"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {remove.isPending
              ? t('meetings.decisions.deleting')
              : t('meetings.decisions.deleteYes')}
          </button>
          <button
            ref={keepRef}
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setProblem(undefined);
              setMode('view');
            }}
          >
            {t('meetings.decisions.deleteNo')}
          </button>
        </div>
      </div>
    );
  return (
    <div className="record-item__actions">
      <button
        ref={editRef}
        type="button"
        className="button button--secondary button--small"
        aria-describedby={`decision-text-${decision.id}`}
        onClick={() => setMode('edit')}
      >
        {t('meetings.records.editButton')}
      </button>
      <button
        ref={deleteRef}
        type="button"
        className="button button--secondary button--small"
        aria-describedby={`decision-text-${decision.id}`}
        onClick={() => setMode('confirmDelete')}
      >
        {t('meetings.records.deleteButton')}
      </button>
    </div>
  );
}

/** Edit for one action item (its `edit` ability): the action item form, filled in. */
export function ActionItemEditControl({ meeting, item }: { meeting: Meeting; item: ActionItem }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('view');
  const { editRef } = useReturnFocus(mode);
  if (mode === 'edit')
    return (
      <ActionItemForm
        meeting={meeting}
        editing={item}
        save={(input) => updateActionItem(item.id, input)}
        onSaved={() => setMode('view')}
        onCancel={() => setMode('view')}
      />
    );
  return (
    <div className="record-item__actions">
      <button
        ref={editRef}
        type="button"
        className="button button--secondary button--small"
        aria-describedby={`action-text-${item.id}`}
        onClick={() => setMode('edit')}
      >
        {t('meetings.records.editButton')}
      </button>
    </div>
  );
}
