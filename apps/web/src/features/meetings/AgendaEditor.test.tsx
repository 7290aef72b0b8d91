import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../i18n/i18n';
import { AgendaEditor } from './AgendaEditor';
import type { DraftAgendaItem } from './agendaDraft';

const item = (key: string, title: string): DraftAgendaItem => ({
  key,
  id: key,
  titleEn: title,
  titleEs: `${title} (es)`,
  kind: 'discussion',
  presentingOrganizationId: null,
  programId: null,
  plannedMinutes: '15',
  reviewsActionItems: false,
});

const latest = { items: [] as DraftAgendaItem[] };

function Harness({ initial }: { initial: DraftAgendaItem[] }) {
  const [items, setItems] = useState(initial);
  return (
    <AgendaEditor
      label="Agenda"
      items={items}
      onChange={(next) => {
        latest.items = next;
        setItems(next);
      }}
      organizations={[]}
      programs={[]}
      max={40}
    />
  );
}

const ROW_HEIGHT = 100;

// happy-dom lays nothing out: give each agenda row a box by its place in the list, so the
// keyboard sensor's coordinates (the next row's centre) mean what they mean in a browser.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: HTMLElement,
  ) {
    const row = this.closest('li[data-key]');
    const index = row ? [...row.parentElement!.children].indexOf(row) : 0;
    const top = index * ROW_HEIGHT;
    return {
      x: 0,
      y: top,
      top,
      left: 0,
      right: 600,
      bottom: top + ROW_HEIGHT - 10,
      width: 600,
      height: ROW_HEIGHT - 10,
      toJSON: () => ({}),
    };
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderEditor(language: 'en' | 'es' = 'en') {
  const i18n = createI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <Harness initial={[item('a', 'Opening'), item('b', 'Budget'), item('c', 'Closing')]} />
    </I18nextProvider>,
  );
}

const titles = () =>
  within(screen.getByRole('list', { name: 'Agenda' }))
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('data-key'));

async function press(target: Element, key: string, code = key) {
  await act(async () => {
    fireEvent.keyDown(target, { key, code });
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('AgendaEditor', () => {
  it('moves an item down with the keyboard: Space picks it up, an arrow moves it, Space drops it', async () => {
    renderEditor();
    const handle = screen.getByRole('button', { name: 'Move item 1 of 3: Opening' });
    handle.focus();
    await press(handle, ' ', 'Space');
    await press(document.activeElement ?? handle, 'ArrowDown');
    await press(document.activeElement ?? handle, ' ', 'Space');
    expect(titles()).toEqual(['b', 'a', 'c']);
    expect(latest.items.map((i) => i.key)).toEqual(['b', 'a', 'c']);
    // The move is announced in the interface language.
    expect(document.body.textContent).toContain('Opening dropped at position 2 of 3.');
  });

  it('leaves the order as it was when the move is cancelled with Escape', async () => {
    renderEditor();
    const handle = screen.getByRole('button', { name: 'Move item 3 of 3: Closing' });
    handle.focus();
    await press(handle, ' ', 'Space');
    await press(handle, 'ArrowUp');
    await press(handle, 'Escape');
    expect(titles()).toEqual(['a', 'b', 'c']);
  });

  it('adds an item, focuses its English title, and removes one', async () => {
    renderEditor('es');
    fireEvent.click(screen.getByRole('button', { name: 'Añadir un punto' }));
    expect(titles()).toHaveLength(4);
    expect(document.activeElement).toBe(screen.getAllByLabelText('Título en inglés')[3]);
    fireEvent.click(screen.getByRole('button', { name: /Quitar.*Budget/ }));
    expect(latest.items.map((i) => i.titleEn)).toEqual(['Opening', 'Closing', '']);
  });
});
