import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './TimeZonePicker.css';
import { Field } from './Field';
import { TimeZoneListbox } from './TimeZoneListbox';
import { NO_GROUPS, useTimeZonePicker } from './useTimeZonePicker';

/** Props of TimeZonePicker. */
export interface TimeZonePickerProps {
  /** Visible label. */
  label: string;
  /** Form field name: a hidden input carries the chosen IANA name. */
  name?: string;
  /** The zone chosen at first (uncontrolled), e.g. the person's stored zone. */
  defaultValue?: string;
  /** The zone chosen (controlled); with `onChange`. */
  value?: string;
  /** A zone was chosen. */
  onChange?: (zone: string) => void;
  /** Advice shown below the label (the picker adds how to search). */
  hint?: string;
  /** What is wrong with the choice. */
  error?: string;
}

/**
 * A time-zone field: today's zones by region with their current offsets, searchable by city,
 * region, zone name, offset or IANA name. An editable combobox rather than a native select of
 * ~420 options: people in six capitals expect to type "guat" or "-6" and press Enter, as in
 * calendar apps, where a select offers only first-letter jumps through a long list. It follows
 * the ARIA 1.2 combobox pattern (useCombobox): focus stays in the text field, the active option
 * is announced through aria-activedescendant, a polite status says how many zones match, and
 * the toggle button (out of the tab order, as in the pattern) opens the list for pointer users.
 * No headless library is in the project, and this is the one combobox it needs.
 */
export function TimeZonePicker({ label, name, hint, error, ...props }: TimeZonePickerProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const { box, zone, listId, text, status, empty, optionId, want } = useTimeZonePicker(props);
  const open = () => {
    want();
    box.show();
  };
  const fullHint = [hint, t('timeZonePicker.howTo')].filter(Boolean).join(' ');

  return (
    <Field label={label} hint={fullHint} error={error}>
      {(control) => (
        <div className="tz-picker">
          <input
            {...control}
            ref={inputRef}
            className="field__input tz-picker__input"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={box.shown}
            aria-controls={listId}
            aria-activedescendant={box.active ? optionId(box.active) : undefined}
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => {
              want();
              box.type(event.target.value);
            }}
            onKeyDown={(event) => {
              want();
              box.onKeyDown(event);
            }}
            // Typing then replaces the shown zone instead of adding to it.
            onFocus={(event) => event.currentTarget.select()}
            onClick={() => (box.open ? undefined : open())}
            onBlur={box.close}
          />
          <button
            type="button"
            className="tz-picker__toggle"
            tabIndex={-1}
            aria-label={t('timeZonePicker.showAll')}
            title={t('timeZonePicker.showAll')}
            aria-controls={listId}
            aria-expanded={box.shown}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              inputRef.current?.focus();
              if (box.open) box.close();
              else open();
            }}
          >
            <span aria-hidden="true">▾</span>
          </button>
          {name ? <input type="hidden" name={name} value={zone} /> : null}
          <TimeZoneListbox
            id={listId}
            label={label}
            groups={box.open ? box.results : NO_GROUPS}
            selected={zone}
            active={box.active}
            optionId={optionId}
            onChoose={box.choose}
          />
          {empty ? <p className="tz-picker__empty">{status}</p> : null}
          <p className="visually-hidden" role="status">
            {status}
          </p>
        </div>
      )}
    </Field>
  );
}
