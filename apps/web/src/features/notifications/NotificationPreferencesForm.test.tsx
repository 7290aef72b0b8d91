import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { NotificationPreferencesForm } from './NotificationPreferencesForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('NotificationPreferencesForm', () => {
  it('shows each kind on, sends the change and says "Saved" only once the server answered', async () => {
    let answer: (value: Response) => void = () => undefined;
    const fetchMock = stubFetch({
      '/api/me/notification-preferences': ok({
        mention: true,
        reply: true,
        resolved: true,
        actionItem: true,
        confirmation: true,
      }),
    });
    renderRoute(<NotificationPreferencesForm />);
    const mention = await screen.findByRole('checkbox', { name: 'someone mentions me' });
    expect(mention).toHaveProperty('checked', true);
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', {
        name: 'a transaction my organization receives waits for its confirmation',
      }).checked,
    ).toBe(true);
    fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => (answer = resolve)));
    fireEvent.click(mention);
    fireEvent.click(screen.getByRole('button', { name: 'Save notification choices' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    const [, init] = fetchMock.mock.calls[1]!;
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(init?.body as string)).toMatchObject({ mention: false });
    expect(screen.queryByRole('status')).toBeNull();
    answer(
      new Response(
        JSON.stringify({
          mention: false,
          reply: true,
          resolved: true,
          actionItem: true,
          confirmation: true,
        }),
        {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
    expect((await screen.findByRole('status')).textContent).toBe(
      'Saved: your notification choices are stored.',
    );
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'someone mentions me' }).checked,
    ).toBe(false);
  });
});
