import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { live } from '../../lib/socket';
import type { FakeLive } from '../../test/fakeLive';
import { renderRoute } from '../../test/renderWithProviders';
import { portfolioKeys } from '../portfolio/queryKeys';
import { makeProgram } from '../../test/fixtures';
import { LiveProgram } from './LiveProgram';

vi.mock('../../lib/socket', async (importOriginal) => {
  const { createFakeLive } = await import('../../test/fakeLive');
  return { ...(await importOriginal<object>()), live: createFakeLive() };
});

const fake = live as FakeLive;

afterEach(() => cleanup());

describe('LiveProgram', () => {
  it('follows the open program while mounted and stops after', () => {
    const { unmount } = renderRoute(<LiveProgram programId="p-1" />);
    expect(fake.followed.get('p-1')).toBe(1);
    unmount();
    expect(fake.followed.has('p-1')).toBe(false);
  });

  it('says plainly when access to the open program is revoked, and invalidates it', async () => {
    const { queryClient } = renderRoute(<LiveProgram programId="p-1" />);
    queryClient.setQueryData(portfolioKeys.program('p-1'), makeProgram({ id: 'p-1' }));
    act(() => fake.serverEmit('program.accessRevoked', { programId: 'p-other' }));
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => fake.serverEmit('program.accessRevoked', { programId: 'p-1' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You no longer have access to this program.');
    expect(screen.getByRole('link', { name: 'Back to the portfolio' })).toBeTruthy();
    expect(queryClient.getQueryState(portfolioKeys.program('p-1'))?.isInvalidated).toBe(true);
  });
});
