import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Presence } from '@mesa/shared';
import { live } from '../../lib/socket';
import type { FakeLive } from '../../test/fakeLive';
import { renderRoute } from '../../test/renderWithProviders';
import { OnlineNow } from './OnlineNow';

vi.mock('../../lib/socket', async (importOriginal) => {
  const { createFakeLive } = await import('../../test/fakeLive');
  return { ...(await importOriginal<object>()), live: createFakeLive() };
});

const fake = live as FakeLive;

const presence: Presence = {
  organizations: [
    {
      id: 'org-eu',
      name: { en: 'European Union', es: 'Unión Europea' },
      people: [
        { id: 'u-ana', name: 'Ana Morales' },
        { id: 'u-jose', name: 'José Ruiz' },
      ],
    },
    {
      id: 'org-jp',
      name: { en: 'Japan', es: 'Japón' },
      people: [{ id: 'u-luis', name: 'Luis Pérez' }],
    },
  ],
};

afterEach(() => {
  cleanup();
  act(() => fake.setState('idle'));
});

async function renderOnline(language: 'en' | 'es' = 'en') {
  fake.presence = presence;
  const rendered = renderRoute(<OnlineNow selfId="u-ana" />, { language });
  act(() => fake.setState('live'));
  const name = language === 'en' ? /Online now/ : /En línea/;
  const button = await screen.findByRole('button', { name: new RegExp(`${name.source}\\s*3`) });
  return { ...rendered, button };
}

describe('OnlineNow', () => {
  it('shows how many people are online and discloses them grouped by organization', async () => {
    const { button } = await renderOnline();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const all = screen.getByRole('list', { name: 'Online now, by organization' });
    expect(document.getElementById(button.getAttribute('aria-controls') ?? '')?.hidden).toBe(false);
    const union = within(all).getByRole('list', { name: 'European Union' });
    expect(
      within(union)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Ana Morales (you)', 'José Ruiz']);
    expect(within(all).getByRole('list', { name: 'Japan' }).textContent).toBe('Luis Pérez');
  });

  it('closes on Escape and gives focus back to its button', async () => {
    const { button } = await renderOnline();
    fireEvent.click(button);
    const person = screen.getByText('Luis Pérez');
    fireEvent.keyDown(person, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('closes when the person clicks elsewhere', async () => {
    const { button } = await renderOnline();
    fireEvent.click(button);
    fireEvent.pointerDown(document.body);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('follows presence.changed without asking again', async () => {
    const { button, queryClient } = await renderOnline();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    act(() =>
      fake.serverEmit('presence.changed', { organizations: presence.organizations.slice(1) }),
    );
    await waitFor(() => expect(button.textContent).toBe('Online now1'));
    fireEvent.click(button);
    expect(screen.queryByText('Ana Morales')).toBeNull();
  });

  it('keeps the last known list while reconnecting, marked as such, until live again', async () => {
    const { button } = await renderOnline();
    act(() => fake.setState('reconnecting'));
    await waitFor(() => expect(button.textContent).toBe('Online now3(last known)'));
    fireEvent.click(button);
    expect(
      screen.getByText('Connection lost: this is who was online when it dropped.'),
    ).toBeTruthy();
    expect(screen.getByText('Luis Pérez')).toBeTruthy();
    act(() => fake.setState('live'));
    await waitFor(() => expect(button.textContent).toBe('Online now3'));
    expect(screen.queryByText(/Connection lost/)).toBeNull();
  });

  it('speaks Spanish, organizations named and ordered in Spanish', async () => {
    const { button } = await renderOnline('es');
    fireEvent.click(button);
    const all = screen.getByRole('list', { name: 'En línea ahora, por organización' });
    const names = [...all.querySelectorAll('.presence-list__organization-name')].map(
      (name) => name.textContent,
    );
    expect(names).toEqual(['Japón', 'Unión Europea']);
    expect(screen.queryByText('European Union')).toBeNull();
    expect(screen.getByText('(usted)', { exact: false })).toBeTruthy();
  });
});
