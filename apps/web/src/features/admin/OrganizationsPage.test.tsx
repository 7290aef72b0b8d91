import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeOrganization } from '../../test/fixtures';
import { ok, stubFetch, type StubReply } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { OrganizationsPage } from './OrganizationsPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const spain = makeOrganization({
  id: 'org-es',
  name: { en: 'Spain', es: 'España' },
  shortName: { en: 'Spain', es: 'España' },
  kind: 'partner_nation',
  countryCode: 'ES',
});
const union = makeOrganization({
  id: 'org-eu',
  name: { en: 'European Union', es: 'Unión Europea' },
  shortName: { en: 'EU', es: 'UE' },
  kind: 'multilateral',
});

function showOrganizations(
  language: 'en' | 'es',
  rename: StubReply = { status: 200, body: { organization: spain } },
) {
  const fetchMock = stubFetch({
    '/api/organizations': ok({ data: [union, spain] }),
    '/api/organizations/org-es': rename,
  });
  renderRoute(<OrganizationsPage />, { language });
  const patches = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'PATCH')
      .map(([, init]) =>
        typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null,
      );
  return { patches };
}

async function openRename(label: string) {
  fireEvent.click(await screen.findByRole('button', { name: label }));
}

/** A field of the inline rename form (the create form above has the same labels). */
function field(label: string): HTMLInputElement {
  const input = within(screen.getByRole('table')).getByLabelText(label);
  if (!(input instanceof HTMLInputElement)) throw new Error(`${label} is not an input`);
  return input;
}

describe('OrganizationsPage', () => {
  it('names and orders organizations in Spanish for a Spanish reader, the English names beneath', async () => {
    showOrganizations('es');
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('.admin-table__strong')?.textContent)).toEqual([
      'España',
      'Unión Europea',
    ]);
    expect(rows[0]?.textContent).toContain('En inglés: Spain · Spain');
    expect(within(rows[1]!).getByText('European Union · EU').getAttribute('lang')).toBe('en');
  });

  it('renames in both languages at once, each field marked with its language', async () => {
    const { patches } = showOrganizations('en');
    await openRename('Rename Spain');
    expect(field('Name in Spanish').value).toBe('España');
    expect(field('Name in Spanish').getAttribute('lang')).toBe('es');
    fireEvent.change(field('Name in English'), { target: { value: 'Kingdom of Spain' } });
    fireEvent.change(field('Name in Spanish'), { target: { value: 'Reino de España' } });
    fireEvent.click(within(screen.getByRole('table')).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(patches()).toEqual([
        {
          name: { en: 'Kingdom of Spain', es: 'Reino de España' },
          shortName: { en: 'Spain', es: 'España' },
        },
      ]),
    );
  });

  it('refuses an empty Spanish name at its field, in Spanish, and sends nothing', async () => {
    const { patches } = showOrganizations('es');
    await openRename('Renombrar España');
    fireEvent.change(field('Nombre en español'), { target: { value: '  ' } });
    fireEvent.click(within(screen.getByRole('table')).getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('Escriba el nombre en español.')).toBeTruthy();
    expect(field('Nombre en español').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Nombre en español'));
    expect(patches()).toEqual([]);
  });

  it('says at the field when another organization already has the name', async () => {
    const conflict: StubReply = {
      status: 409,
      body: { error: { code: 'conflict', message: 'Taken.', field: 'name.es' } },
    };
    showOrganizations('en', conflict);
    await openRename('Rename Spain');
    fireEvent.change(field('Name in Spanish'), { target: { value: 'Unión Europea' } });
    fireEvent.click(within(screen.getByRole('table')).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Another organization already has this name.')).toBeTruthy();
    expect(field('Name in Spanish').getAttribute('aria-invalid')).toBe('true');
  });
});
