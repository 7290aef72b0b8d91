import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { makeAbilities, makeOrganization, makeProgram } from '../../../test/fixtures';
import { renderRoute } from '../../../test/renderWithProviders';
import { PlanSection } from './PlanSection';

afterEach(cleanup);

describe('PlanSection', () => {
  it('explains a plan that is not open by the reason the server gave, naming nobody', () => {
    const program = makeProgram({
      abilities: makeAbilities({ read: false, denied: { read: 'no_relation' } }),
    });
    renderRoute(<PlanSection program={program} organizations={[makeOrganization()]} />);
    const region = screen.getByRole('region', { name: 'Plan' });
    expect(region.textContent).toBe(
      'PlanYour organization does not take part in this program. Access is given per organization, and a workspace administrator can give it.',
    );
  });

  it('says it in Spanish', () => {
    const program = makeProgram({
      abilities: makeAbilities({ read: false, denied: { read: 'no_relation' } }),
    });
    renderRoute(<PlanSection program={program} organizations={[]} />, { language: 'es' });
    expect(screen.getByText(/Su organización no participa en este programa/)).toBeTruthy();
  });
});
