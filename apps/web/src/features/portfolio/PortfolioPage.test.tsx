import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { makeAbilities, makeComponents, makeProgram } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { PortfolioPage } from './PortfolioPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const programs = [
  makeProgram({ id: 'p-ba1', code: 'BA1', componentId: 'B' }),
  makeProgram({
    id: 'p-bb1',
    code: 'BB1',
    titleEn: 'Youth violence prevention',
    titleEs: 'Prevención de la violencia juvenil',
    componentId: 'B',
    priority: true,
    priorityConfidence: 'inferred',
  }),
  makeProgram({
    id: 'p-border',
    code: null,
    titleEn: 'Border security',
    titleEs: 'Seguridad fronteriza',
    componentId: 'A',
    priority: true,
    priorityConfidence: 'documented',
    confidence: 'inferred',
  }),
];

function stubPortfolio() {
  return stubFetch({
    '/api/components': ok({ data: makeComponents() }),
    '/api/programs': ok({ data: programs }),
  });
}

function section(name: RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('PortfolioPage', () => {
  it('lists each program under its component, in component order', async () => {
    stubPortfolio();
    renderRoute(<PortfolioPage />);
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((heading) => heading.textContent)).toEqual([
      'Component ACombating crime',
      'Component BViolence prevention',
      'Component CRehabilitation',
      'Component DInstitutional strengthening',
    ]);
    const links = within(section(/Component B/)).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/programs/p-ba1',
      '/programs/p-bb1',
    ]);
  });

  it('marks priority programs and explains inferred facts', async () => {
    stubPortfolio();
    renderRoute(<PortfolioPage />);
    const border = (await screen.findByRole('link', { name: /Border security/ })).closest('li');
    expect(border).not.toBeNull();
    expect(within(border!).getByText('Priority')).toBeTruthy();
    expect(within(border!).getByText(/official profile was not found/)).toBeTruthy();
    expect(within(border!).getByText('No code recorded')).toBeTruthy();
    const youth = screen.getByRole('link', { name: /Youth violence/ }).closest('li');
    expect(within(youth!).getByText(/Priority \(inferred\)/)).toBeTruthy();
    expect(within(youth!).getByText(/no official source confirms it/)).toBeTruthy();
    const women = screen.getByRole('link', { name: /violence against women/ }).closest('li');
    expect(within(women!).queryByText(/Priority|Inferred/)).toBeNull();
  });

  it('says when a component has no recorded programs', async () => {
    stubPortfolio();
    renderRoute(<PortfolioPage />);
    await screen.findByRole('link', { name: /Border security/ });
    expect(
      within(section(/Component C/)).getByText(/No programs of this component are recorded/),
    ).toBeTruthy();
  });

  it('compares what is recorded with the strategy totals', async () => {
    stubPortfolio();
    renderRoute(<PortfolioPage />);
    expect(await screen.findByText(/3 of the strategy's 22 programs are recorded/)).toBeTruthy();
    expect(screen.getByText(/2 of its 8 priority programs/)).toBeTruthy();
  });

  it('speaks of one program in the singular and of several in the plural, in both languages', async () => {
    const one = [programs[1]!, { ...programs[0]!, componentId: 'A' as const }, programs[2]!];
    stubFetch({
      '/api/components': ok({ data: makeComponents() }),
      '/api/programs': ok({ data: [one[0]] }),
    });
    renderRoute(<PortfolioPage />);
    expect(
      await screen.findByText(
        "1 of the strategy's 22 programs is recorded. 1 of its 8 priority programs is among them.",
      ),
    ).toBeTruthy();
    expect(within(section(/Component B/)).getByText('1 program recorded')).toBeTruthy();
    cleanup();
    stubFetch({
      '/api/components': ok({ data: makeComponents() }),
      '/api/programs': ok({ data: one }),
    });
    renderRoute(<PortfolioPage />, { language: 'es' });
    expect(
      await screen.findByText(
        'Constan 3 de los 22 programas de la estrategia. Entre ellos figuran 2 de sus 8 programas prioritarios.',
      ),
    ).toBeTruthy();
    expect(within(section(/Componente A/)).getByText('2 programas registrados')).toBeTruthy();
    expect(within(section(/Componente B/)).getByText('1 programa registrado')).toBeTruthy();
  });

  it('narrows the list to priority programs with the checkbox', async () => {
    stubPortfolio();
    renderRoute(<PortfolioPage />);
    const checkbox = await screen.findByRole('checkbox', { name: 'Show priority programs only' });
    fireEvent.click(checkbox);
    expect(screen.queryByRole('link', { name: /violence against women/ })).toBeNull();
    expect(screen.getByRole('link', { name: /Youth violence/ })).toBeTruthy();
  });

  it('shows titles in Spanish when the interface is Spanish', async () => {
    stubPortfolio();
    renderRoute(<PortfolioPage />, { language: 'es' });
    expect(await screen.findByRole('link', { name: /Seguridad fronteriza/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Cartera de programas' })).toBeTruthy();
  });

  it('offers a retry when the programs cannot be loaded', async () => {
    const fetchMock = stubFetch({
      '/api/components': ok({ data: makeComponents() }),
      '/api/programs': {
        status: 503,
        body: { error: { code: 'service_unavailable', message: 'Down' } },
      },
    });
    renderRoute(<PortfolioPage />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Wait a minute, then try again/)).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(fetchMock.mock.calls.filter(([path]) => path === '/api/programs').length).toBe(2);
  });

  it('lists a program the organization may not open without a link, and says why', async () => {
    stubFetch({
      '/api/components': ok({ data: makeComponents() }),
      '/api/programs': ok({
        data: [
          makeProgram({
            abilities: makeAbilities({ read: false, denied: { read: 'no_relation' } }),
          }),
        ],
      }),
    });
    renderRoute(<PortfolioPage />);
    const note = await screen.findByText('Your organization has no access to this program');
    const row = note.closest('li');
    expect(within(row!).getByText('Prevention of violence against women')).toBeTruthy();
    expect(within(row!).queryByRole('link')).toBeNull();
  });
});
