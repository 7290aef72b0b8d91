import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { makeMe, makeOrganization } from '../../../test/fixtures';
import { ok, stubFetch } from '../../../test/fetchStub';
import { renderRoute } from '../../../test/renderWithProviders';
import { UserMenu } from './UserMenu';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const unitedStates = makeOrganization({
  id: 'org-us',
  name: { en: 'United States', es: 'Estados Unidos' },
  shortName: { en: 'US', es: 'EE. UU.' },
  kind: 'partner_nation',
});

function openMenu(me = makeMe(), language: 'en' | 'es' = 'en') {
  const fetchMock = stubFetch({
    '/api/organizations': ok({ data: [makeOrganization(), unitedStates] }),
    '/api/auth/logout': { status: 204, body: null },
  });
  const view = renderRoute(<UserMenu me={me} />, { path: '*', language });
  fireEvent.click(screen.getByRole('button', { name: /Ana Morales/ }));
  return { ...view, fetchMock };
}

describe('UserMenu', () => {
  it('names the person, their organization and role, and offers no Administration to a member', async () => {
    openMenu();
    expect(await screen.findByText('SG-SICA · Member')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Profile' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Administration' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Invite people' })).toBeNull();
  });

  it('names the organization in the reader’s language, short in the header and full in the menu', async () => {
    openMenu(makeMe({ user: { organizationId: 'org-us', role: 'viewer' } }), 'es');
    expect(await screen.findByText('EE. UU. · Lector (solo lectura)')).toBeTruthy();
    expect(screen.getByText('Estados Unidos')).toBeTruthy();
  });

  it('offers Administration when the abilities say administer', () => {
    openMenu(makeMe({ user: { role: 'admin' }, abilities: { administer: true, invite: true } }));
    expect(screen.getByRole('link', { name: 'Administration' }).getAttribute('href')).toBe(
      '/admin',
    );
  });

  it('offers "Invite people" to a coordinator, from the invite ability alone', () => {
    openMenu(makeMe({ abilities: { invite: true } }));
    expect(screen.getByRole('link', { name: 'Invite people' })).toBeTruthy();
  });

  it('signs out: calls the API, tells the plan editor, forgets the cache, goes to sign-in', async () => {
    const heard = vi.fn();
    window.addEventListener('mesa:signed-out', heard);
    const { fetchMock, router, queryClient } = openMenu();
    queryClient.setQueryData(['programs'], ['cached']);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    expect(fetchMock.mock.calls.some(([path]) => path === '/api/auth/logout')).toBe(true);
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(queryClient.getQueryData(['programs'])).toBeUndefined();
    window.removeEventListener('mesa:signed-out', heard);
  });
});
