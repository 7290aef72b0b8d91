import { useCallback, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyInfo } from '@mesa/shared';
import { Field } from '../../components/Field';
import { useCombobox } from '../../hooks/useCombobox';
import '../../components/TimeZonePicker.css';

/** Props of CurrencyPicker. */
export interface CurrencyPickerProps {
  /** Visible label. */
  label: string;
  /** Every currency Mesa accepts (`GET /api/funding/currencies`). */
  currencies: readonly CurrencyInfo[];
  /** The chosen ISO code. */
  value: string;
  /** A currency was chosen. */
  onChange: (code: string) => void;
  /** What is wrong with the choice. */
  error?: string;
}

/** Currencies whose code or English name contains the query, codes starting with it first. */
export function searchCurrencies(
  currencies: readonly CurrencyInfo[],
  query: string,
): CurrencyInfo[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...currencies];
  const starts = currencies.filter((c) => c.code.toLowerCase().startsWith(q));
  const others = currencies.filter(
    (c) =>
      !c.code.toLowerCase().startsWith(q) &&
      (c.code.toLowerCase().includes(q) || c.name.toLowerCase().includes(q)),
  );
  return [...starts, ...others];
}

/**
 * The currency of an amount: an editable combobox searched by ISO code or name ("yen", "JPY"),
 * the same ARIA 1.2 pattern as the time-zone picker (useCombobox): focus stays in the field,
 * Down/Up move, Enter chooses, Escape puts back the chosen currency.
 */
export function CurrencyPicker({ label, currencies, value, onChange, error }: CurrencyPickerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const search = useCallback((query: string) => searchCurrencies(currencies, query), [currencies]);
  const valuesOf = useCallback((results: CurrencyInfo[]) => results.map((c) => c.code), []);
  const box = useCombobox({ value, search, valuesOf, onChoose: onChange });
  const optionId = (code: string) => `${listId}-${code}`;
  const chosen = currencies.find((c) => c.code === value);
  const text = box.query ?? (chosen ? `${chosen.code} — ${chosen.name}` : value);
  const shown = box.open ? box.results : [];
  const status =
    box.open && box.query !== null
      ? t('funding.currency.matches', { count: box.results.length })
      : '';
  useLayoutEffect(() => {
    if (!box.active || !listRef.current) return;
    const option = document.getElementById(optionId(box.active));
    if (!option) return;
    const list = listRef.current;
    if (option.offsetTop < list.scrollTop) list.scrollTop = option.offsetTop;
    else if (option.offsetTop + option.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = option.offsetTop + option.offsetHeight - list.clientHeight;
  });
  return (
    <Field label={label} hint={t('funding.currency.hint')} error={error}>
      {(control) => (
        <div className="tz-picker currency-picker">
          <input
            {...control}
            className="field__input tz-picker__input"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={box.shown}
            aria-controls={listId}
            aria-activedescendant={box.active ? optionId(box.active) : undefined}
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => box.type(event.target.value)}
            onKeyDown={box.onKeyDown}
            onFocus={(event) => event.currentTarget.select()}
            onClick={() => (box.open ? undefined : box.show())}
            onBlur={box.close}
          />
          <div
            ref={listRef}
            role="listbox"
            id={listId}
            aria-label={label}
            className="tz-picker__list"
            hidden={!box.shown}
            onMouseDown={(event) => event.preventDefault()}
          >
            {shown.map((currency) => (
              <div
                role="option"
                key={currency.code}
                id={optionId(currency.code)}
                aria-selected={currency.code === value}
                className={
                  currency.code === box.active
                    ? 'tz-picker__option tz-picker__option--active'
                    : 'tz-picker__option'
                }
                onClick={() => box.choose(currency.code)}
              >
                <strong>{currency.code}</strong> {currency.name}
              </div>
            ))}
          </div>
          {box.open && box.results.length === 0 ? (
            <p className="tz-picker__empty">{t('funding.currency.none')}</p>
          ) : null}
          <p className="visually-hidden" role="status">
            {status}
          </p>
        </div>
      )}
    </Field>
  );
}
