import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../../app/Providers';
import { createQueryClient } from '../../app/queryClient';
import { routes } from '../../app/routes';
import { createI18n } from '../../i18n/i18n';
import {
  makeComponents,
  makeMe,
  makeOrganization,
  makeProgram,
  unauthenticated,
} from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { redirectToSignIn } from './sessionGuard';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The whole app at an address, with the real guard wiring of App.tsx. */
function renderApp(at: string) {
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  const queryClient = createQueryClient({
    onUnauthenticated: () => redirectToSignIn(router, queryClient),
  });
  queryClient.setDefaultOptions({ queries: { retry: false } });
  render(
    <Providers queryClient={queryClient} i18n={createI18n('en')}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

function stubSignedOutUntilLogin() {
  let signedIn = false;
  const program = makeProgram();
  return stubFetch({
    '/api/me': () => (signedIn ? ok(makeMe()) : unauthenticated),
    '/api/auth/login': () => {
      signedIn = true;
      return ok({ user: makeMe().user });
    },
    [`/api/programs/${program.id}`]: () => (signedIn ? ok({ program }) : unauthenticated),
    '/api/programs': () => (signedIn ? ok({ data: [program] }) : unauthenticated),
    '/api/components': ok({ data: makeComponents() }),
    '/api/organizations': ok({ data: [makeOrganization()] }),
  });
}

describe('session guard', () => {
  it('sends a signed-out person to sign in and, after it, to where they were going', async () => {
    stubSignedOutUntilLogin();
    const router = renderApp('/programs/p-ba1');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Fprograms%2Fp-ba1');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.org' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', {
      level: 1,
      name: 'Prevention of violence against women',
    });
    expect(router.state.location.pathname).toBe('/programs/p-ba1');
  });

  it('ignores a next that leads to another site', async () => {
    stubSignedOutUntilLogin();
    const router = renderApp('/sign-in?next=https%3A%2F%2Fevil.example');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.org' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Program portfolio' });
    expect(router.state.location.pathname).toBe('/');
  });
});

describe('redirectToSignIn', () => {
  const fakeRouter = (pathname: string) => ({
    state: { location: { pathname, search: '', hash: '' } },
    navigate: vi.fn(),
  });

  it('moves the person to sign-in with next when a request answers 401', () => {
    const router = fakeRouter('/admin/people');
    redirectToSignIn(router, createQueryClient());
    expect(router.navigate).toHaveBeenCalledWith('/sign-in?next=%2Fadmin%2Fpeople', {
      replace: true,
    });
  });

  it('stays put on a public page, where a 401 is expected', () => {
    const router = fakeRouter('/invite/abc');
    redirectToSignIn(router, createQueryClient());
    expect(router.navigate).not.toHaveBeenCalled();
  });
});
