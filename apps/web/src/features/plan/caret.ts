import type { Locale } from '@mesa/shared';
import { stampedOrganization } from './presence';

/** Relative luminance of a #rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Black or white, whichever reads better on a caret label of this colour: organization
 * colours come from the server's palette and some are too light for white text.
 */
export function labelTextColor(background: string): '#000000' | '#ffffff' {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return '#ffffff';
  const l = luminance(background);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return onBlack > onWhite ? '#000000' : '#ffffff';
}

const FALLBACK = '#4d5a67';

/**
 * The caret of another person: a coloured bar with a label "Name · Organization", the
 * organization in the reader's language. Hidden from assistive technology, which would
 * otherwise read names in the middle of the text.
 */
export function renderCaret(user: Record<string, unknown>, locale: Locale): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : FALLBACK;
  const name = typeof user.name === 'string' ? user.name : '';
  const organization = stampedOrganization(user, locale);
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.style.color = labelTextColor(color);
  label.textContent = organization ? `${name} · ${organization}` : name;
  caret.append(label);
  return caret;
}
