import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactElement } from 'react';
import { createI18n } from '../../i18n/i18n';
import type { CollabStatus } from '../../lib/collabPolicy';
import { SaveStatus } from './SaveStatus';

function renderIn(language: 'en' | 'es', element: ReactElement) {
  return render(<I18nextProvider i18n={createI18n(language)}>{element}</I18nextProvider>);
}

describe('SaveStatus', () => {
  afterEach(cleanup);
  const cases: [CollabStatus, string][] = [
    [{ kind: 'saved' }, 'Saved'],
    [{ kind: 'saving' }, 'Saving…'],
    [{ kind: 'offline' }, 'Offline — your changes are kept on this device'],
    [{ kind: 'reconnecting' }, 'Reconnecting…'],
    [{ kind: 'read-only' }, 'Read-only'],
    [{ kind: 'access-lost' }, 'You no longer have access'],
  ];
  for (const [status, text] of cases)
    it(`shows “${text}” in a polite status region for ${status.kind}`, () => {
      renderIn('en', <SaveStatus status={status} />);
      const region = screen.getByRole('status');
      expect(region.textContent).toContain(text);
      expect(region.getAttribute('data-status')).toBe(status.kind);
    });

  it('tells a person whose changes stay unconfirmed to keep the tab open', () => {
    renderIn('en', <SaveStatus status={{ kind: 'stalled' }} />);
    expect(screen.getByRole('status').textContent).toContain('Not saved yet');
    expect(screen.getByText(/keep it open/)).toBeTruthy();
  });

  it('tells an offline person to keep typing', () => {
    renderIn('en', <SaveStatus status={{ kind: 'offline' }} />);
    expect(screen.getByText(/Keep typing/)).toBeTruthy();
  });

  it('tells a person who lost access what to do next', () => {
    renderIn('en', <SaveStatus status={{ kind: 'access-lost' }} />);
    expect(screen.getByText(/A workspace administrator can give it back/)).toBeTruthy();
  });

  it('explains an error by its close code and offers to retry', () => {
    const onRetry = vi.fn();
    renderIn('en', <SaveStatus status={{ kind: 'error', code: 4413 }} onRetry={onRetry} />);
    expect(screen.getByText(/size limit/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('does not offer a retry while Mesa retries by itself (4429)', () => {
    renderIn('en', <SaveStatus status={{ kind: 'error', code: 4429 }} onRetry={() => {}} />);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('speaks Spanish', () => {
    renderIn('es', <SaveStatus status={{ kind: 'offline' }} />);
    expect(screen.getByRole('status').textContent).toContain('Sin conexión');
  });
});
