import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { Program } from '@mesa/shared';
import { makeAbilities, makeComponents, makeOrganization, makeProgram } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { ProgramPage } from './ProgramPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const guatemala = makeOrganization({
  id: 'org-gt',
  name: { en: 'Guatemala', es: 'Guatemala' },
  kind: 'sica_member',
});
const spain = makeOrganization({
  id: 'org-es',
  name: { en: 'Spain', es: 'España' },
  kind: 'partner_nation',
});

function showProgram(program: Program, language: 'en' | 'es' = 'en') {
  stubFetch({
    [`/api/programs/${program.id}`]: ok({ program }),
    '/api/components': ok({ data: makeComponents() }),
    '/api/organizations': ok({ data: [makeOrganization(), guatemala, spain] }),
  });
  return renderRoute(<ProgramPage />, {
    path: '/programs/:programId',
    at: `/programs/${program.id}`,
    language,
  });
}

function fact(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  const value = term.nextElementSibling;
  if (!(value instanceof HTMLElement)) throw new Error(`no value for ${label}`);
  return value;
}

describe('ProgramPage', () => {
  it('shows "Not recorded" for every missing fact, never a guess', async () => {
    showProgram(makeProgram({ code: null }));
    await screen.findByRole('heading', { level: 1 });
    for (const label of ['Code', 'Status', 'Lead organization', 'Countries', 'Estimated cost']) {
      expect(fact(label).textContent, label).toBe('Not recorded');
    }
    expect(fact('Priority').textContent).toBe('Not documented as a priority program');
  });

  it('shows recorded facts resolved and formatted in the interface language', async () => {
    showProgram(
      makeProgram({
        status: 'in_execution',
        leadOrganizationIds: ['org-sgsica'],
        countries: ['GT', 'DO'],
        estimatedCost: { amount: '20000000', currency: 'USD' },
      }),
      'es',
    );
    await screen.findByRole('heading', {
      level: 1,
      name: 'Prevención de la violencia contra las mujeres',
    });
    expect(fact('Estado').textContent).toBe('En ejecución');
    expect(fact('Organización líder').textContent).toBe('Secretaría General del SICA');
    expect(
      within(fact('Países'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Guatemala', 'República Dominicana']);
    expect(fact('Costo estimado').textContent?.replace(/\s/g, ' ')).toBe('20.000.000 US$');
    expect(screen.getByText('Prevention of violence against women').getAttribute('lang')).toBe(
      'en',
    );
  });

  it('names every organization holding the Lead relation, in the reader’s language and order', async () => {
    showProgram(makeProgram({ leadOrganizationIds: ['org-sgsica', 'org-es', 'org-gt'] }), 'es');
    await screen.findByRole('heading', { level: 1 });
    const leads = within(fact('Organizaciones líderes'))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(leads).toEqual(['España', 'Guatemala', 'Secretaría General del SICA']);
    expect(screen.queryByRole('link', { name: /Acceso a programas/ })).toBeNull();
  });

  it('names one lead in English for an English reader and shows an administrator where leads are set', async () => {
    const abilities = makeAbilities({ administer: true, editDetails: true });
    showProgram(makeProgram({ leadOrganizationIds: ['org-es'], abilities }));
    await screen.findByRole('heading', { level: 1 });
    expect(within(fact('Lead organization')).getByRole('listitem').textContent).toBe('Spain');
    const access = screen.getByRole('link', {
      name: 'Change the lead organizations in program access',
    });
    expect(access.getAttribute('href')).toBe('/admin/programs/p-ba1');
  });

  it('marks an inferred priority and says why', async () => {
    showProgram(makeProgram({ priority: true, priorityConfidence: 'inferred' }));
    await screen.findByRole('heading', { level: 1 });
    const priority = fact('Priority');
    expect(within(priority).getByText('Priority program')).toBeTruthy();
    expect(within(priority).getByText('Inferred')).toBeTruthy();
  });

  it('shows a not-found state with the way back when the program does not exist', async () => {
    stubFetch({
      '/api/components': ok({ data: makeComponents() }),
      '/api/organizations': ok({ data: [] }),
    });
    renderRoute(<ProgramPage />, { path: '/programs/:programId', at: '/programs/missing' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Program not found' }),
    ).toBeTruthy();
    const back = screen.getByRole('link', { name: 'Back to the portfolio' });
    expect(back.getAttribute('href')).toBe('/');
    expect(document.title).toBe('Program not found · Mesa');
  });

  function refuse(language: 'en' | 'es' = 'en') {
    stubFetch({
      '/api/programs/p-ba1': {
        status: 403,
        body: { error: { code: 'forbidden', message: 'You do not have access to this.' } },
      },
      '/api/components': ok({ data: makeComponents() }),
      '/api/organizations': ok({ data: [] }),
    });
    return renderRoute(<ProgramPage />, {
      path: '/programs/:programId',
      at: '/programs/p-ba1',
      language,
    });
  }

  it('answers a 403 calmly: access is per organization, an administrator gives it, the way back', async () => {
    refuse();
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'You do not have access to this program',
    });
    const explanation = heading.parentElement!;
    expect(explanation.textContent).toContain('Access to a program is given per organization');
    expect(explanation.textContent).toContain('A workspace administrator can give');
    // Not an error: nothing red, nothing announced as an alert, no pointless retry.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('.error-state')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the portfolio' }).getAttribute('href')).toBe(
      '/',
    );
    expect(document.title).toBe('You do not have access to this program · Mesa');
  });

  it('answers a 403 in Spanish too', async () => {
    refuse('es');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'No tiene acceso a este programa' }),
    ).toBeTruthy();
    expect(screen.getByText(/El acceso a un programa se da por organización/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Volver a la cartera' })).toBeTruthy();
  });

  it('shows a reader (a viewer) no editing controls at all', async () => {
    showProgram(makeProgram({ abilities: makeAbilities({ read: true }) }));
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: 'Edit details' })).toBeNull();
    expect(document.querySelector('main form, form, input, select')).toBeNull();
  });

  it('offers "Edit details" from the editDetails ability and opens the form with the values', async () => {
    showProgram(
      makeProgram({ code: 'BA1', abilities: makeAbilities({ editDetails: true, editPlan: true }) }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
    expect(screen.getByRole('heading', { name: 'Edit program details' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Code').value).toBe('BA1');
    expect(screen.getByLabelText<HTMLInputElement>('Title in Spanish').value).toBe(
      'Prevención de la violencia contra las mujeres',
    );
    // The leads are the Lead relations, set in program access: not a field to contradict them.
    expect(screen.queryByLabelText(/Lead organization/)).toBeNull();
  });
});
