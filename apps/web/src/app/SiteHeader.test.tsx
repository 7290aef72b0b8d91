import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Me } from '../lib/accountApi';
import { createI18n } from '../i18n/i18n';
import { makeComponents, makeMe, makeOrganization } from '../test/fixtures';
import { ok, stubFetch } from '../test/fetchStub';
import { Providers } from './Providers';
import { createQueryClient } from './queryClient';
import { routes } from './routes';
import { COMPACT_HEADER_QUERY } from './SiteHeader';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Makes the browser report a phone-sized (or a wide) window to media queries. */
function screenIs(narrow: boolean) {
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => {
    const list = {
      matches: narrow && query === COMPACT_HEADER_QUERY,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    return list as unknown as MediaQueryList;
  });
}

function renderApp(me: Me, at = '/') {
  stubFetch({
    '/api/components': ok({ data: makeComponents() }),
    '/api/programs': ok({ data: [] }),
    '/api/me': ok(me),
    '/api/organizations': ok({ data: [makeOrganization()] }),
  });
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  render(
    <Providers queryClient={createQueryClient()} i18n={createI18n('en')}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

const admin = makeMe({ user: { role: 'admin' }, abilities: { administer: true, invite: true } });

describe('SiteHeader', () => {
  it('lists Administration in the main navigation only when the abilities say administer', async () => {
    screenIs(false);
    renderApp(admin);
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const link = await within(nav).findByRole('link', { name: 'Administration' });
    expect(link.getAttribute('href')).toBe('/admin');
    cleanup();

    // The admin role without the `administer` ability: the abilities decide, never the role.
    renderApp(makeMe({ user: { role: 'admin' } }));
    const memberNav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(memberNav).getByRole('link', { name: 'Portfolio' })).toBeTruthy();
    expect(within(memberNav).queryByRole('link', { name: 'Administration' })).toBeNull();
  });

  it('folds into a Menu button on a narrow screen that shows navigation, people online, account and language', async () => {
    screenIs(true);
    renderApp(admin);
    const button = await screen.findByRole('button', { name: 'Menu' });
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(panel?.hidden).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel?.hidden).toBe(false);
    const inPanel = within(panel!);
    expect(inPanel.getByRole('link', { name: 'Administration' })).toBeTruthy();
    expect(inPanel.getByRole('link', { name: 'Profile' })).toBeTruthy();
    expect(inPanel.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(inPanel.getByRole('button', { name: 'Español' })).toBeTruthy();
    // Administration is in its navigation, so the account links do not repeat it.
    expect(inPanel.getAllByRole('link', { name: 'Administration' })).toHaveLength(1);
    // No separate account menu button on a phone.
    expect(screen.queryByRole('button', { name: /Ana Morales/ })).toBeNull();
  });

  it('closes the menu with Escape and gives focus back to its button', async () => {
    screenIs(true);
    renderApp(admin);
    const button = await screen.findByRole('button', { name: 'Menu' });
    fireEvent.click(button);
    const profile = screen.getByRole('link', { name: 'Profile' });
    profile.focus();
    fireEvent.keyDown(profile, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('closes the menu on any navigation', async () => {
    screenIs(true);
    const router = renderApp(admin);
    const button = await screen.findByRole('button', { name: 'Menu' });
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await act(() => router.navigate('/no/such/page'));
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('false'));
  });

  it('keeps the flat header for someone signed out, even on a narrow screen', async () => {
    screenIs(true);
    stubFetch({
      '/api/me': { status: 401, body: { error: { code: 'unauthenticated', message: 'No' } } },
    });
    const router = createMemoryRouter(routes, { initialEntries: ['/sign-in'] });
    render(
      <Providers queryClient={createQueryClient()} i18n={createI18n('en')}>
        <RouterProvider router={router} />
      </Providers>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(screen.queryByRole('button', { name: 'Menu' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Español' })).toBeTruthy();
  });
});
