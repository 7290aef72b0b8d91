import { useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits, type ThreadSubject } from '@mesa/shared';
import { insertMention, mentionQueryAt } from './mentionQuery';
import { MentionList, optionId } from './MentionList';
import { useMentionSuggestions } from './useMentionSuggestions';

/** Below this many characters left, the composer says how many remain. */
export const REMAINING_SHOWN_BELOW = 500;

/** Props of Composer. */
export interface ComposerProps {
  /** Whose readers may be mentioned. */
  subject: ThreadSubject;
  /** The text field's label. */
  label: string;
  /** The send button's text. */
  submitLabel: string;
  /** Sends the text; resolves when stored (the field then empties), rejects to keep it. */
  onSubmit: (body: string) => Promise<unknown>;
  /** Text to start from (editing). */
  initial?: string;
  /** Shows a Cancel button. */
  onCancel?: () => void;
  /** Sending is under way or waiting (the button is disabled and says so). */
  busyLabel?: string | null;
  /** What went wrong, said as what to do next. */
  error?: string | null;
  /** Put focus in the field when shown. */
  autoFocus?: boolean;
  /** Shown above the field (a quote). */
  children?: ReactNode;
}

/**
 * A comment field: @-mention suggestions, the remaining length near the limit, Ctrl/Cmd+Enter
 * to send, Escape (with no suggestions open) to cancel.
 */
export function Composer(props: ComposerProps) {
  const { subject, label, submitLabel, onSubmit, onCancel, busyLabel, error, children } = props;
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(props.initial ?? '');
  const [caret, setCaret] = useState(text.length);
  // Where the caret goes once the text with a new mention is rendered (before any more keys).
  const placeCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (placeCaret.current === null) return;
    field.current?.setSelectionRange(placeCaret.current, placeCaret.current);
    placeCaret.current = null;
  });
  const query = mentionQueryAt(text, caret);
  const mentions = useMentionSuggestions(subject, query, (person) => {
    if (!query) return;
    const next = insertMention(text, caret, query, person);
    placeCaret.current = next.caret;
    setText(next.text);
    setCaret(next.caret);
  });
  const remaining = Limits.commentMaxLength - text.length;
  const blank = text.trim() === '';

  const send = () => {
    if (blank || busyLabel) return;
    onSubmit(text).then(
      () => setText(''),
      () => undefined,
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  return (
    <form className="composer" onSubmit={submit}>
      {children}
      <label htmlFor={`${id}-text`} className="composer__label">
        {label}
      </label>
      <div className="composer__field">
        <textarea
          ref={field}
          id={`${id}-text`}
          className="composer__text"
          value={text}
          rows={3}
          maxLength={Limits.commentMaxLength}
          autoFocus={props.autoFocus}
          aria-describedby={`${id}-hint${remaining < REMAINING_SHOWN_BELOW ? ` ${id}-left` : ''}`}
          aria-autocomplete="list"
          aria-controls={mentions.open ? `${id}-people` : undefined}
          aria-activedescendant={
            mentions.open ? optionId(`${id}-people`, mentions.active) : undefined
          }
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (mentions.onKeyDown(event)) return;
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              send();
            } else if (event.key === 'Escape' && onCancel) {
              event.preventDefault();
              event.stopPropagation();
              onCancel();
            }
          }}
        />
        {mentions.open ? (
          <MentionList
            id={`${id}-people`}
            people={mentions.people}
            active={mentions.active}
            onChoose={mentions.choose}
          />
        ) : null}
      </div>
      <p id={`${id}-hint`} className="composer__hint">
        {t('threads.composer.hint')}
      </p>
      {remaining < REMAINING_SHOWN_BELOW ? (
        <p id={`${id}-left`} className="composer__left" aria-live="polite">
          {t('threads.composer.remaining', { count: remaining })}
        </p>
      ) : null}
      {error ? (
        <p className="composer__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="composer__actions">
        <button type="submit" className="button" disabled={blank || !!busyLabel}>
          {busyLabel ?? submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('threads.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
