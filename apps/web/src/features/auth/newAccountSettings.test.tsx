import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { InvitationForm } from './components/InvitationForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// The browser's zone as Chromium reports it for India: CLDR's old spelling.
function browserZoneIs(zone: string) {
  const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
    this: Intl.DateTimeFormat,
  ) {
    return { ...resolved.call(this), timeZone: zone };
  });
}

describe('a new account’s language and time zone', () => {
  it('says them on the form and sends the form’s language and the browser’s zone', async () => {
    browserZoneIs('Asia/Calcutta');
    const fetchMock = stubFetch({
      '/api/invitations/t/accept': {
        status: 400,
        body: { error: { code: 'weak_password', message: 'Common', field: 'password' } },
      },
    });
    renderRoute(<InvitationForm token="t" />, { language: 'es' });
    expect(screen.getByText(/Idioma: Español · Zona horaria: UTC\+05:30 Kolkata/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: 'Inés' } });
    fireEvent.change(screen.getByLabelText('Contraseña'), {
      target: { value: 'lanterns over the lake' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Crear mi cuenta' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const sent = fetchMock.mock.calls[0]?.[1]?.body;
    expect(typeof sent).toBe('string');
    const body = JSON.parse(sent as string) as Record<string, string>;
    expect(body).toMatchObject({ name: 'Inés', locale: 'es', timeZone: 'Asia/Kolkata' });
  });
});
