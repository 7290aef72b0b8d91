import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Limits, type PersonRef, type ThreadSubject } from '@mesa/shared';
import { ApiError } from '../../lib/api';
import { renderRoute } from '../../test/renderWithProviders';
import { ok, stubFetch } from '../../test/fetchStub';
import { Composer } from './Composer';
import { threadErrorText } from './threadErrorText';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const subject: ThreadSubject = { kind: 'program', programId: 'prog1' };
const person = (id: string, name: string): PersonRef => ({
  id,
  name,
  organizationId: 'org',
  organizationName: { en: 'Spain', es: 'España' },
});
const mentionable = (q: string) => `/api/threads/mentionable?kind=program&programId=prog1&q=${q}`;

function renderComposer(onSubmit = vi.fn(() => Promise.resolve())) {
  renderRoute(
    <Composer subject={subject} label="Your reply" submitLabel="Reply" onSubmit={onSubmit} />,
  );
  return { field: screen.getByLabelText<HTMLTextAreaElement>('Your reply'), onSubmit };
}

function type(field: HTMLTextAreaElement, value: string) {
  fireEvent.change(field, { target: { value, selectionStart: value.length } });
}

describe('Composer', () => {
  it('suggests people after two characters and inserts the chosen one by keyboard', async () => {
    const fetchMock = stubFetch({
      [mentionable('Be')]: ok({ people: [person('p1', 'Beatriz Gil'), person('p2', 'Beto Ruiz')] }),
    });
    const { field } = renderComposer();
    type(field, 'Hello @B');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();

    type(field, 'Hello @Be');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Beatriz Gil Spain', 'Beto Ruiz Spain']);
    expect(field.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(field.value).toBe('Hello @[Beto Ruiz](person:p2) ');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('closes the suggestions on Escape and keeps the text', async () => {
    stubFetch({ [mentionable('An')]: ok({ people: [person('p1', 'Ana Pérez')] }) });
    const { field } = renderComposer();
    type(field, '@An');
    await screen.findByRole('listbox');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(field.value).toBe('@An');
  });

  it('says how many characters are left near the limit, and caps the length', () => {
    const { field } = renderComposer();
    expect(field.maxLength).toBe(Limits.commentMaxLength);
    type(field, 'x'.repeat(Limits.commentMaxLength - 1000));
    expect(screen.queryByText(/characters? left/)).toBeNull();
    type(field, 'x'.repeat(Limits.commentMaxLength - 1));
    expect(screen.getByText('1 character left')).toBeTruthy();
  });

  it('sends with Ctrl+Enter, not with a blank text, and empties the field once stored', async () => {
    const { field, onSubmit } = renderComposer();
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    expect(onSubmit).not.toHaveBeenCalled();
    type(field, 'Agreed.');
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    expect(onSubmit).toHaveBeenCalledWith('Agreed.');
    await waitFor(() => expect(field.value).toBe(''));
  });

  it('tells someone commenting too fast to wait a minute', async () => {
    const { i18n } = renderRoute(<p />);
    const error = new ApiError(429, 'too_many_requests', 'Slow down');
    expect(threadErrorText(error, i18n.t)).toBe(
      'You are commenting very fast — wait a minute and send again.',
    );
    await i18n.changeLanguage('es');
    expect(threadErrorText(error, i18n.t)).toBe(
      'Está comentando muy rápido: espere un minuto y vuelva a enviar.',
    );
  });
});
