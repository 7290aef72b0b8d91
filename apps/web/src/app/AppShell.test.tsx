import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createI18n, syncLanguageWithDocument } from '../i18n/i18n';
import { LANGUAGE_STORAGE_KEY } from '../i18n/language';
import { makeComponents, makeMe, makeOrganization } from '../test/fixtures';
import { ok, stubFetch } from '../test/fetchStub';
import { Providers } from './Providers';
import { createQueryClient } from './queryClient';
import { routes } from './routes';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const signedOut = { status: 401, body: { error: { code: 'unauthorized', message: 'No session' } } };

function renderApp(at: string, { signedIn = true } = {}) {
  stubFetch({
    '/api/components': ok({ data: makeComponents() }),
    '/api/programs': ok({ data: [] }),
    '/api/me': signedIn ? ok(makeMe()) : signedOut,
    '/api/organizations': ok({ data: [makeOrganization()] }),
  });
  const i18n = createI18n('en');
  syncLanguageWithDocument(i18n);
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  render(
    <Providers queryClient={createQueryClient()} i18n={i18n}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe('AppShell', () => {
  it('has a skip link to the main landmark, a navigation list and a footer', async () => {
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Program portfolio' });
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip.getAttribute('href')).toBe(`#${screen.getByRole('main').id}`);
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(nav.querySelector('ul > li > a')?.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('contentinfo')).toBeTruthy();
  });

  it('offers no workspace navigation to a signed-out visitor on the sign-in page', async () => {
    renderApp('/sign-in', { signedIn: false });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Español' })).toBeTruthy();
  });

  it('switches to Spanish, updates <html lang> and remembers the choice', async () => {
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Program portfolio' });
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cartera de programas' }),
    ).toBeTruthy();
    expect(document.documentElement.lang).toBe('es');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('es');
    expect(screen.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(document.title).toBe('Cartera de programas · Mesa');
  });

  it('shows a not-found page for an unknown address', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the portfolio' })).toBeTruthy();
  });
});
