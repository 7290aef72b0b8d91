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
  name: 'Inter-American Development Bank',
  kind: 'multilateral',
});
const elsewhere = makeOrganization({
  id: 'org-far',
  name: 'An organization on no program of theirs',
  kind: 'partner_nation',
});

describe('InvitePeoplePage', () => {
  it('offers a coordinator only the roles and organizations the server allows them', async () => {
    stubFetch({
      '/api/me': ok(makeMe({ abilities: { invite: true } })),
      '/api/invitations/options': ok({
        roles: ['member', 'viewer'],
        organizations: [secretariat, partner],
      }),
      '/api/organizations': ok({ data: [secretariat, partner, elsewhere] }),
      '/api/invitations': ok({ data: [] }),
    });
    renderRoute(<InvitePeoplePage />);
    const organization = await screen.findByRole('combobox', { name: 'Organization' });
    const names = within(organization)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names).toEqual([secretariat.name, partner.name]);
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect(
      within(role)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['member', 'viewer']);
  });
});
