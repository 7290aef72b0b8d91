import { useMemo, useState, type KeyboardEvent } from 'react';

/** What useCombobox needs: the committed value, how to search, and where a choice goes. */
export interface ComboboxConfig<R> {
  /** The value chosen now. */
  value: string;
  /** The results for what the person typed ('' for everything). */
  search: (query: string) => R;
  /** The values of the results, in the order shown. */
  valuesOf: (results: R) => readonly string[];
  /** A value was chosen (Enter, click). */
  onChoose: (value: string) => void;
}

const PAGE = 10;

function step(values: readonly string[], from: string | null, delta: number): string | null {
  if (values.length === 0) return null;
  const index = from === null ? -1 : values.indexOf(from);
  if (Math.abs(delta) > 1) {
    const next = Math.min(values.length - 1, Math.max(0, index + delta));
    return values[next] ?? null;
  }
  // Single steps wrap around, as in the ARIA practices' list-autocomplete combobox.
  return values[(index + delta + values.length) % values.length] ?? null;
}

/**
 * The state and keys of an editable combobox with a list popup (WAI-ARIA 1.2, "list
 * autocomplete with automatic selection"): typing filters and makes the first result active,
 * Down/Up (and Page Down/Up) move through the results and open the list, Alt+Down opens it,
 * Enter chooses the active result, Escape or leaving the field closes it and puts back the
 * chosen value's text. DOM focus stays in the text field; the active result is announced
 * through aria-activedescendant by the component.
 */
export function useCombobox<R>({ value, search, valuesOf, onChoose }: ComboboxConfig<R>) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const results = useMemo(() => search(query ?? ''), [search, query]);
  const values = valuesOf(results);
  const shown = open && values.length > 0;
  const current = active !== null && values.includes(active) ? active : (values[0] ?? null);

  const show = (from: string | null) => {
    setOpen(true);
    setActive(from ?? value);
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(null);
  };
  const choose = (chosen: string) => {
    onChoose(chosen);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // While an input method composes (Japanese, Chinese), Enter and the arrows belong to it.
    if (event.nativeEvent.isComposing) return;
    const { key, altKey } = event;
    let handled = true;
    if ((key === 'ArrowDown' || key === 'ArrowUp') && (!open || altKey)) {
      if (open && key === 'ArrowUp') close();
      else show(null);
    } else if (key === 'ArrowDown' || key === 'ArrowUp') {
      setActive(step(values, current, key === 'ArrowDown' ? 1 : -1));
    } else if ((key === 'PageDown' || key === 'PageUp') && shown) {
      setActive(step(values, current, key === 'PageDown' ? PAGE : -PAGE));
    } else if (key === 'Enter' && open) {
      if (shown && current !== null) choose(current);
    } else if (key === 'Escape' && (open || query !== null)) {
      close();
    } else {
      handled = false;
    }
    // Enter must not submit the form while the list is open; Escape must not close a dialog.
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const type = (text: string) => {
    setQuery(text);
    setOpen(true);
    setActive(null);
  };

  return {
    /** Whether the popup is open (it may hold no result). */
    open,
    /** Whether the popup shows results. */
    shown,
    /** What the person typed, or null while the field shows the chosen value. */
    query,
    /** The results for the query. */
    results,
    /** The active result's value (visual focus), when the list shows results. */
    active: shown ? current : null,
    show: () => show(null),
    close,
    choose,
    type,
    onKeyDown,
  };
}
