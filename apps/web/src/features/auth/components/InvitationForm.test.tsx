import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { stubFetch } from '../../../test/fetchStub';
import { renderRoute } from '../../../test/renderWithProviders';
import { InvitationForm } from './InvitationForm';

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

  it('turns a refused password into advice', async () => {
    stubFetch({
      '/api/invitations/t/accept': {
        status: 400,
        body: { error: { code: 'weak_password', message: 'Common', field: 'password' } },
      },
    });
    renderRoute(<InvitationForm token="t" />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Inés' } });
    fireEvent.change(screen.getByLabelText('Password'), {
      target: { value: 'password1234' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/too easy to guess/);
  });
});
