import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { stubFetch } from '../../../test/fetchStub';
import { renderRoute } from '../../../test/renderWithProviders';
import { PasswordForm } from './PasswordForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('PasswordForm', () => {
  it('shows a refused new password’s broken rule at the new-password field, not in a banner', async () => {
    stubFetch({
      '/api/auth/password': {
        status: 400,
        body: {
          error: {
            code: 'weak_password',
            message: 'x',
            field: 'newPassword',
            reasons: ['same_as_email'],
          },
        },
      },
    });
    renderRoute(<PasswordForm />);
    fireEvent.change(screen.getByLabelText('Current password'), {
      target: { value: 'correct horse battery staple' },
    });
    const fresh = screen.getByLabelText('New password');
    fireEvent.change(fresh, { target: { value: 'ana.lopez@example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(fresh.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(fresh)).toContain('Do not use your email address as your password.');
    expect(screen.getByLabelText('Current password').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(fresh));
  });
});
