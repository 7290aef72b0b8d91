import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../i18n/i18n';
import { CurrencyPicker, searchCurrencies } from './CurrencyPicker';
import { currencies } from './fundingFixtures';

afterEach(cleanup);

const chosen = { code: '' };

function Harness() {
  const [value, setValue] = useState('USD');
  return (
    <I18nextProvider i18n={createI18n('en')}>
      <CurrencyPicker
        label="Currency"
        currencies={currencies}
        value={value}
        onChange={(code) => {
          chosen.code = code;
          setValue(code);
        }}
      />
    </I18nextProvider>
  );
}

describe('CurrencyPicker', () => {
  it('finds a currency by code or by name, codes starting with the query first', () => {
    expect(searchCurrencies(currencies, 'yen').map((c) => c.code)).toEqual(['JPY']);
    expect(searchCurrencies(currencies, 'jp').map((c) => c.code)).toEqual(['JPY']);
    expect(searchCurrencies(currencies, 'd').map((c) => c.code)).toEqual(['KWD', 'USD']);
    expect(searchCurrencies(currencies, '')).toHaveLength(4);
  });

  it('is chosen by keyboard alone: type, arrows, Enter; Escape puts the choice back', () => {
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Currency' });
    expect(box).toHaveProperty('value', 'USD — US Dollar');

    fireEvent.change(box, { target: { value: 'yen' } });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const active = box.getAttribute('aria-activedescendant');
    expect(active && document.getElementById(active)?.textContent).toContain('JPY');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(chosen.code).toBe('JPY');
    expect(box).toHaveProperty('value', 'JPY — Yen');
    expect(box.getAttribute('aria-expanded')).toBe('false');

    // Alt+Down opens the whole list on the chosen one; Down moves to the next; Enter takes it.
    fireEvent.keyDown(box, { key: 'ArrowDown', altKey: true });
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'EUR Euro',
      'JPY Yen',
      'KWD Kuwaiti Dinar',
      'USD US Dollar',
    ]);
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('JPY Yen');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(chosen.code).toBe('KWD');

    fireEvent.change(box, { target: { value: 'eur' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(chosen.code).toBe('KWD');
    expect(box).toHaveProperty('value', 'KWD — Kuwaiti Dinar');
  });

  it('says when nothing matches', () => {
    render(<Harness />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'zzz' } });
    expect(screen.getByText('No currency matches. Try the three-letter ISO code.')).toBeTruthy();
  });
});
