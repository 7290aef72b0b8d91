import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { stubFetch } from '../../../test/fetchStub';
import { renderRoute } from '../../../test/renderWithProviders';
import { InvitationForm } from './InvitationForm';

/** The server's refusal of a weak password, naming the rules it breaks. */
function weakReply(reasons: string[]) {
  return {
    '/api/invitations/t/accept': {
      status: 400,
      body: { error: { code: 'weak_password', message: 'Weak', field: 'password', reasons } },
    },
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('InvitationForm', () => {
  it('states the 12-character rule up front and refuses a shorter password before sending', async () => {
    const fetchMock = stubFetch({});
    renderRoute(<InvitationForm token="t" />);
    const password = screen.getByLabelText('Password');
    const hintId = password.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(hintId)?.textContent).toMatch(/At least 12 characters/);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Inés' } });
    fireEvent.change(password, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));
    await waitFor(() => expect(document.activeElement).toBe(password));
    expect(screen.getByText('Use at least 12 characters.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says at the password field which rules a refused password breaks, with no banner', async () => {
    stubFetch(weakReply(['common']));
    renderRoute(<InvitationForm token="t" />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Inés' } });
    const password = screen.getByLabelText('Password');
    fireEvent.change(password, { target: { value: 'password1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const described = (password.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toMatch(/one of the most common passwords/);
    expect(described).not.toMatch(/12 characters, not a common password and not your email/);
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(password));
  });

  it('names each broken rule in Spanish', async () => {
    stubFetch(weakReply(['too_short', 'same_as_email']));
    renderRoute(<InvitationForm token="t" />, { language: 'es' });
    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: 'Inés' } });
    // Long enough for the browser's own check, so the server's answer is what shows.
    fireEvent.change(screen.getByLabelText('Contraseña'), { target: { value: 'ines.lopez.gt' } });
    fireEvent.click(screen.getByRole('button', { name: /crear/i }));
    expect(
      await screen.findByText(
        'Use al menos 12 caracteres. No use su correo electrónico como contraseña.',
      ),
    ).toBeTruthy();
  });
});
