import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { PersonRef } from '@mesa/shared';
import { createI18n } from '../../i18n/i18n';
import { CommentText } from './CommentText';

afterEach(cleanup);

const beto: PersonRef = {
  id: 'beto',
  name: 'Beto Ruiz (renamed)',
  organizationId: 'org',
  organizationName: { en: 'Spain', es: 'España' },
};

function show(body: string, mentions: PersonRef[] = []) {
  const { container } = render(
    <I18nextProvider i18n={createI18n('en')}>
      <CommentText body={body} mentions={mentions} />
    </I18nextProvider>,
  );
  return container.querySelector('p.comment__text') as HTMLElement;
}

describe('CommentText', () => {
  it('shows HTML in a comment as the text that was typed, never as markup', () => {
    const text = show('<img src=x onerror="alert(1)"><b>bold?</b>');
    expect(text.textContent).toBe('<img src=x onerror="alert(1)"><b>bold?</b>');
    expect(text.querySelector('img, b')).toBeNull();
  });

  it('makes http, https and mailto addresses links, and leaves javascript: and data: as text', () => {
    const text = show(
      'See https://sica.int/plan, mail mailto:ana@example.org. Not javascript:alert(1) nor data:text/html,x',
    );
    const links = [...text.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://sica.int/plan', 'mailto:ana@example.org']);
    expect(text.textContent).toContain('javascript:alert(1)');
    expect(
      screen.getByRole('link', { name: 'https://sica.int/plan' }).getAttribute('rel'),
    ).toContain('noopener');
  });

  it('keeps line breaks and shows a mention as a chip with the current name', () => {
    const text = show('First line\n@[Beto Ruiz](person:beto) second line\n@[Nobody](person:zed)', [
      beto,
    ]);
    expect(text.querySelectorAll('br')).toHaveLength(2);
    expect(text.querySelector('.mention-chip')?.textContent).toBe('@Beto Ruiz (renamed)');
    // A token for someone the server did not name is plain text.
    expect(text.textContent).toContain('@Nobody');
    expect(text.querySelectorAll('.mention-chip')).toHaveLength(1);
  });
});
