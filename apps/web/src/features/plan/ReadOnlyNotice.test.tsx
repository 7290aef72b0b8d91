import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { DenialReasons, type DenialReason, type Locale } from '@mesa/shared';
import { createI18n } from '../../i18n/i18n';
import { ReadOnlyNotice } from './ReadOnlyNotice';

afterEach(cleanup);

function noticeText(reason: DenialReason | undefined, language: Locale = 'en'): string {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ReadOnlyNotice reason={reason} />
    </I18nextProvider>,
  );
  return screen.getByText(/./, { selector: 'p.plan__notice' }).textContent ?? '';
}

describe('ReadOnlyNotice', () => {
  it("tells a partner organization's viewer that their read-only role is why, not the relation", () => {
    const text = noticeText('read_only_role');
    expect(text).toBe(
      'You can read this plan and follow changes live, but not edit it. Your account has a read-only role, which a workspace administrator sets.',
    );
    expect(text).not.toMatch(/partner|observer|lead/i);
  });

  it("tells an observer organization's member that the observer relation is why", () => {
    expect(noticeText('observer_relation')).toBe(
      'You can read this plan and follow changes live, but not edit it. Your organization is an observer on this program; editing is for its lead and partner organizations.',
    );
  });

  it('says the same in Spanish', () => {
    expect(noticeText('read_only_role', 'es')).toBe(
      'Puede leer este plan y seguir los cambios en directo, pero no editarlo. Su cuenta tiene un rol de solo lectura, que asigna un administrador del espacio.',
    );
    cleanup();
    expect(noticeText('observer_relation', 'es')).toMatch(/Su organización es observadora/);
  });

  it('gives every reason of the policy its own words in both languages', () => {
    for (const language of ['en', 'es'] as const) {
      const texts = DenialReasons.map((reason) => {
        const text = noticeText(reason, language);
        cleanup();
        return text;
      });
      expect(new Set(texts).size, language).toBe(DenialReasons.length);
    }
  });

  it('says only what the person can do when the server gave no reason', () => {
    expect(noticeText(undefined).trim()).toBe(
      'You can read this plan and follow changes live, but not edit it.',
    );
  });
});
