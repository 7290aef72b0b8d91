import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { makeMe, unauthenticated } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { AdminLayout } from './AdminLayout';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AdminLayout', () => {
  it('shows a member a clear 403 page with the way back, not a broken page', async () => {
    stubFetch({ '/api/me': ok(makeMe()), '/api/users': unauthenticated });
    renderRoute(<AdminLayout />, { path: '/admin', at: '/admin' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the portfolio' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Administration sections' })).toBeNull();
  });

  it('shows an administrator the sections', async () => {
    stubFetch({
      '/api/me': ok(makeMe({ user: { role: 'admin' }, abilities: { administer: true } })),
    });
    renderRoute(<AdminLayout />, { path: '/admin', at: '/admin' });
    const nav = await screen.findByRole('navigation', { name: 'Administration sections' });
    expect(nav.querySelectorAll('a')).toHaveLength(4);
  });
});
