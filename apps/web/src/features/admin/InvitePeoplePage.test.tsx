import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
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

  it('names and orders the organizations in Spanish for a Spanish reader', async () => {
    stubOptions();
    renderRoute(<InvitePeoplePage />, { language: 'es' });
    expect(await organizationOptions('Organización')).toEqual([
      'Banco Interamericano de Desarrollo',
      'Secretaría General del SICA',
    ]);
  });
});
