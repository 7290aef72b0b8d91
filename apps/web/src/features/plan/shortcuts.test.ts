import { describe, expect, it } from 'vitest';
import { formatShortcut, isApplePlatform, TOOLBAR_SHORTCUTS } from './shortcuts';

const english = { mod: 'Ctrl', alt: 'Alt', shift: 'Shift' };
const spanish = { mod: 'Ctrl', alt: 'Alt', shift: 'Mayús' };

describe('toolbar shortcuts', () => {
  it('prints Ctrl combinations in the reader’s key names outside Apple systems', () => {
    expect(formatShortcut(TOOLBAR_SHORTCUTS.bold, false, english)).toBe('Ctrl+B');
    expect(formatShortcut(TOOLBAR_SHORTCUTS.heading2, false, english)).toBe('Ctrl+Alt+2');
    expect(formatShortcut(TOOLBAR_SHORTCUTS.bulletList, false, english)).toBe('Ctrl+Shift+8');
    expect(formatShortcut(TOOLBAR_SHORTCUTS.bulletList, false, spanish)).toBe('Ctrl+Mayús+8');
  });

  it('prints Apple’s symbols in Apple’s order on a Mac', () => {
    expect(formatShortcut(TOOLBAR_SHORTCUTS.bold, true, english)).toBe('⌘B');
    expect(formatShortcut(TOOLBAR_SHORTCUTS.paragraph, true, english)).toBe('⌥⌘0');
    expect(formatShortcut(TOOLBAR_SHORTCUTS.blockquote, true, spanish)).toBe('⇧⌘B');
  });

  it('names each system’s usual redo key', () => {
    expect(formatShortcut(TOOLBAR_SHORTCUTS.redo, false, english)).toBe('Ctrl+Y');
    expect(formatShortcut(TOOLBAR_SHORTCUTS.redo, true, english)).toBe('⇧⌘Z');
  });

  it('reads "Mod" as ⌘ on the systems where ProseMirror does', () => {
    expect(isApplePlatform('MacIntel')).toBe(true);
    expect(isApplePlatform('iPad')).toBe(true);
    expect(isApplePlatform('Win32')).toBe(false);
    expect(isApplePlatform('Linux x86_64')).toBe(false);
  });
});
