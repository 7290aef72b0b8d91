import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { formatTime } from '../../../lib/intl';
import { stubFetch } from '../../../test/fetchStub';
import { renderRoute } from '../../../test/renderWithProviders';
import { SignInForm } from './SignInForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.org' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('marks empty fields, links their messages and moves focus to the first', async () => {
    const fetchMock = stubFetch({});
    renderRoute(<SignInForm next="/" />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const described = email.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('Enter your email address.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says the email or password is wrong, without saying which, and focuses the alert', async () => {
    stubFetch({
      '/api/auth/login': {
        status: 401,
        body: { error: { code: 'invalid_credentials', message: 'No' } },
      },
    });
    renderRoute(<SignInForm next="/" />);
    fillAndSubmit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/email or password is not right/);
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });

  it('says when to try again after too many attempts, from Retry-After, on a 24-hour clock', async () => {
    stubFetch({
      '/api/auth/login': {
        status: 429,
        headers: { 'Retry-After': '600' },
        body: { error: { code: 'too_many_requests', message: 'Slow down' } },
      },
    });
    renderRoute(<SignInForm next="/" />);
    const before = Date.now();
    fillAndSubmit();
    const alert = await screen.findByRole('alert');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const expected = formatTime(new Date(before + 600_000), 'en', zone);
    expect(alert.textContent).toContain(`try again at ${expected}`);
    expect(expected).toMatch(/^\d{2}:\d{2}$/);
  });

  it('shows and hides the password with a labelled button', () => {
    stubFetch({});
    renderRoute(<SignInForm next="/" />);
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show Password' }));
    expect(password.getAttribute('type')).toBe('text');
    fireEvent.click(screen.getByRole('button', { name: 'Hide Password' }));
    expect(password.getAttribute('type')).toBe('password');
  });
});
