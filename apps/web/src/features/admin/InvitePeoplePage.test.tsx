import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me } from '../../lib/accountApi';
import { makeMe, makeOrganization } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { InvitePeoplePage } from './InvitePeoplePage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const secretariat = makeOrganization();
const partner = makeOrganization({
  id: 'org-idb',
  name: { en: 'Inter-American Development Bank', es: 'Banco Interamericano de Desarrollo' },
  kind: 'multilateral',
});
const elsewhere = makeOrganization({
  id: 'org-far',
  name: { en: 'An organization on no program of theirs', es: 'Una organización ajena' },
  kind: 'partner_nation',
});

function stubOptions() {
  stubFetch({
    '/api/me': ok(makeMe({ abilities: { invite: true } })),
    '/api/invitations/options': ok({
      roles: ['member', 'viewer'],
      organizations: [secretariat, partner],
    }),
    '/api/organizations': ok({ data: [secretariat, partner, elsewhere] }),
    '/api/invitations': ok({ data: [] }),
  });
}

async function organizationOptions(label: string): Promise<(string | null)[]> {
  const organization = await screen.findByRole('combobox', { name: label });
  return within(organization)
    .getAllByRole('option')
    .map((o) => o.textContent);
}

describe('InvitePeoplePage', () => {
  it('offers a coordinator only the roles and organizations the server allows them', async () => {
    stubOptions();
    renderRoute(<InvitePeoplePage />);
    expect(await organizationOptions('Organization')).toEqual([
      'Inter-American Development Bank',
      'SICA General Secretariat',
    ]);
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect(
      within(role)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['member', 'viewer']);
  });

  it('tells a coordinator what a coordinator may do', async () => {
    stubInvitations({ invite: true }, ['member', 'viewer']);
    renderRoute(<InvitePeoplePage />);
    expect(
      await screen.findByText(
        'As a program coordinator you can invite members and viewers of the organizations on your programs.',
      ),
    ).toBeTruthy();
  });

  it('tells an administrator that they may invite anyone, not what a coordinator may', async () => {
    stubInvitations({ invite: true, administer: true }, ['admin', 'member', 'viewer']);
    renderRoute(<InvitePeoplePage />);
    expect(
      await screen.findByText(
        'As a workspace administrator you can invite anyone, into any organization and with any role.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/program coordinator/)).toBeNull();
  });

  it('tells an administrator so in Spanish', async () => {
    stubInvitations({ invite: true, administer: true }, ['admin', 'member', 'viewer']);
    renderRoute(<InvitePeoplePage />, { language: 'es' });
    expect(await screen.findByText(/Como administrador del espacio puede invitar/)).toBeTruthy();
    expect(screen.queryByText(/coordinador/)).toBeNull();
  });

  it('clears the email once the link is made and moves focus to the link, which stays with its Copy button', async () => {
    const created = {
      id: 'inv-1',
      token: 'tok',
      url: 'http://localhost:3000/invite/tok',
      expiresAt: '2026-12-11T12:00:00Z',
    };
    stubFetch({
      '/api/me': ok(makeMe({ abilities: { invite: true } })),
      '/api/invitations/options': ok({ roles: ['member', 'viewer'], organizations: [partner] }),
      '/api/organizations': ok({ data: [secretariat, partner] }),
      '/api/invitations': (init) =>
        init?.method === 'POST' ? { status: 201, body: { invitation: created } } : ok({ data: [] }),
    });
    renderRoute(<InvitePeoplePage />);
    const email = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Email' });
    fireEvent.change(email, { target: { value: 'ana@example.org' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Role' }), {
      target: { value: 'viewer' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const link = await screen.findByLabelText('Invitation link for ana@example.org');
    expect((link as HTMLInputElement).value).toBe(created.url);
    await waitFor(() => expect(document.activeElement).toBe(link));
    expect(email.value).toBe('');
    // The role chosen stays for the next person of the batch.
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Role' }).value).toBe('viewer');
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
  });

  it('names and orders the organizations in Spanish for a Spanish reader', async () => {
    stubOptions();
    renderRoute(<InvitePeoplePage />, { language: 'es' });
    expect(await organizationOptions('Organización')).toEqual([
      'Banco Interamericano de Desarrollo',
      'Secretaría General del SICA',
    ]);
  });
});

function stubInvitations(abilities: Partial<Me['abilities']>, roles: string[]) {
  stubFetch({
    '/api/me': ok(makeMe({ abilities })),
    '/api/invitations/options': ok({ roles, organizations: [secretariat, partner] }),
    '/api/organizations': ok({ data: [secretariat, partner] }),
    '/api/invitations': ok({ data: [] }),
  });
}
