import { useLayoutEffect, useRef } from 'react';
import type { TimeZoneGroup } from '../lib/timeZones';

/** Props of TimeZoneListbox. */
export interface TimeZoneListboxProps {
  /** Id the combobox's aria-controls names. */
  id: string;
  /** Accessible name of the list (the field's label). */
  label: string;
  /** The groups to show; empty while the list is closed. */
  groups: readonly TimeZoneGroup[];
  /** The zone chosen now (aria-selected). */
  selected: string;
  /** The zone with visual focus, or null. */
  active: string | null;
  /** DOM id of a zone's option, for aria-activedescendant. */
  optionId: (zone: string) => string;
  /** A zone was clicked. */
  onChoose: (zone: string) => void;
}

/**
 * The popup of TimeZonePicker: a listbox of groups (role="group" named by its heading, as in
 * the ARIA practices' grouped listbox) of options "UTC−06:00 Guatemala · hora estándar
 * central". Hidden and empty while closed, so aria-controls always names an element.
 */
export function TimeZoneListbox(props: TimeZoneListboxProps) {
  const { id, label, groups, selected, active, optionId, onChoose } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const wasShown = useRef(false);
  useLayoutEffect(() => {
    const option = active === null ? null : document.getElementById(optionId(active));
    if (listRef.current && option) showOption(listRef.current, option, !wasShown.current);
    wasShown.current = groups.length > 0;
  });
  return (
    <div
      ref={listRef}
      role="listbox"
      id={id}
      aria-label={label}
      className="tz-picker__list"
      hidden={groups.length === 0}
      // Keeps focus (and the typed text) in the field while the list is scrolled or clicked.
      onMouseDown={(event) => event.preventDefault()}
    >
      {groups.map((group) => {
        const headingId = `${id}-${group.region}`;
        return (
          <div role="group" aria-labelledby={headingId} key={group.region}>
            <div role="presentation" id={headingId} className="tz-picker__group">
              {group.label}
            </div>
            {group.choices.map((choice) => (
              <div
                role="option"
                id={optionId(choice.id)}
                key={choice.id}
                aria-selected={choice.id === selected}
                className={
                  choice.id === active
                    ? 'tz-picker__option tz-picker__option--active'
                    : 'tz-picker__option'
                }
                onClick={() => onChoose(choice.id)}
              >
                <span className="tz-picker__offset">{choice.offset}</span>{' '}
                <span className="tz-picker__place">{choice.place}</span>
                {choice.zoneName ? (
                  <>
                    {' '}
                    <span className="tz-picker__zone-name">{choice.zoneName}</span>
                  </>
                ) : null}
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}

// Scrolls the list only (scrollIntoView would scroll the page too): the active option is
// centred when the list opens, and kept clear of its group's sticky heading as it moves.
function showOption(list: HTMLElement, option: HTMLElement, opening: boolean): void {
  if (opening) {
    list.scrollTop = option.offsetTop - (list.clientHeight - option.offsetHeight) / 2;
    return;
  }
  const heading = option.parentElement?.firstElementChild;
  const headingHeight = heading instanceof HTMLElement ? heading.offsetHeight : 0;
  const top = option.offsetTop - headingHeight;
  const bottom = option.offsetTop + option.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}
