import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderRoute } from '../test/renderWithProviders';
import { TimeZonePicker } from './TimeZonePicker';

afterEach(cleanup);

function renderPicker(defaultValue: string, onChange = vi.fn(), language: 'en' | 'es' = 'en') {
  const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
  renderRoute(
    <form onSubmit={onSubmit}>
      <TimeZonePicker
        label="Time zone"
        name="timeZone"
        defaultValue={defaultValue}
        onChange={onChange}
      />
    </form>,
    { language },
  );
  const input = screen.getByRole('combobox', { name: 'Time zone' });
  const stored = () => document.querySelector<HTMLInputElement>('input[name="timeZone"]')!.value;
  const activeOption = () => {
    const id = input.getAttribute('aria-activedescendant');
    return id ? document.getElementById(id) : null;
  };
  return { input, stored, activeOption, onSubmit };
}

describe('TimeZonePicker', () => {
  it('shows the chosen zone with its offset and submits its IANA name', () => {
    const { input, stored } = renderPicker('America/Guatemala');
    expect((input as HTMLInputElement).value).toBe('UTC\u221206:00 Guatemala');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(stored()).toBe('America/Guatemala');
  });

  it('filters as the person types, and Enter chooses the first match without submitting', () => {
    const onChange = vi.fn();
    const { input, stored, activeOption, onSubmit } = renderPicker('UTC', onChange);
    fireEvent.change(input, { target: { value: 'toky' } });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('listbox', { name: 'Time zone' });
    expect(within(list).getAllByRole('option')).toHaveLength(1);
    expect(activeOption()?.textContent).toMatch(/^UTC\+09:00 Tokyo/);
    expect(screen.getByRole('status').textContent).toBe('1 time zone matches.');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(stored()).toBe('Asia/Tokyo');
    expect(onChange).toHaveBeenCalledWith('Asia/Tokyo');
    expect((input as HTMLInputElement).value).toBe('UTC+09:00 Tokyo');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens on Down Arrow at the chosen zone, in groups by region, and moves with the arrows', () => {
    const { input, activeOption } = renderPicker('America/Guatemala');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(activeOption()?.getAttribute('aria-selected')).toBe('true');
    expect(activeOption()?.textContent).toMatch(/Guatemala/);
    const groups = screen
      .getAllByRole('group')
      .map((group) => group.getAttribute('aria-labelledby'));
    const names = groups.map((id) => document.getElementById(id!)?.textContent);
    expect(names[0]).toBe('Universal time');
    expect(names).toEqual(expect.arrayContaining(['Americas', 'Europe', 'Asia', 'Pacific Ocean']));
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(activeOption()?.textContent).not.toMatch(/Guatemala/);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(activeOption()?.textContent).toMatch(/Guatemala/);
  });

  it('puts the chosen zone back on Escape', () => {
    const { input, stored } = renderPicker('Europe/Madrid');
    fireEvent.change(input, { target: { value: 'tok' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect((input as HTMLInputElement).value).toMatch(/ Madrid$/);
    expect(stored()).toBe('Europe/Madrid');
  });

  it('says when nothing matches, in Spanish too', () => {
    const { input } = renderPicker('UTC', vi.fn(), 'es');
    fireEvent.change(input, { target: { value: 'atlantis' } });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('status').textContent).toBe(
      'Ninguna zona horaria coincide con «atlantis». Pruebe con una ciudad, una región o un desfase como −6.',
    );
  });

  it('keeps a stored zone that is not listed, and shows an old spelling under its current name', () => {
    const kept = renderPicker('Etc/GMT+5');
    expect(kept.stored()).toBe('Etc/GMT+5');
    fireEvent.keyDown(kept.input, { key: 'ArrowDown' });
    const first = screen.getAllByRole('group')[0]!;
    expect(first.textContent).toMatch(/^Your current zone/);
    expect(kept.activeOption()?.textContent).toMatch(/UTC\u221205:00 GMT\+5/);
    cleanup();

    const renamed = renderPicker('Asia/Calcutta');
    expect(renamed.stored()).toBe('Asia/Kolkata');
    expect((renamed.input as HTMLInputElement).value).toBe('UTC+05:30 Kolkata');
  });
});
