/** A key combination as Tiptap binds it: `mod` is ⌘ on Apple systems and Ctrl elsewhere. */
export interface Keys {
  /** ⌘ on Apple systems, Ctrl elsewhere (ProseMirror's "Mod"). */
  mod?: boolean;
  /** Alt (⌥ on Apple systems). */
  alt?: boolean;
  /** Shift (⇧ on Apple systems). */
  shift?: boolean;
  /** The key itself, as printed on the keyboard. */
  key: string;
}

/** A command's shortcut: the same everywhere, or one for Apple systems and one for the others. */
export type Shortcut = Keys | { apple: Keys; other: Keys };

/**
 * The shortcuts that the plan editor's extensions bind (StarterKit's marks and nodes, and
 * Collaboration's undo and redo, and the plan's own Mod-Alt-M to comment on the selection),
 * shown in the toolbar's tooltips. Redo is bound to both
 * Mod-Y and Shift-Mod-Z; each system's usual one is shown.
 */
export const TOOLBAR_SHORTCUTS = {
  paragraph: { mod: true, alt: true, key: '0' },
  heading2: { mod: true, alt: true, key: '2' },
  heading3: { mod: true, alt: true, key: '3' },
  bold: { mod: true, key: 'B' },
  italic: { mod: true, key: 'I' },
  bulletList: { mod: true, shift: true, key: '8' },
  orderedList: { mod: true, shift: true, key: '7' },
  blockquote: { mod: true, shift: true, key: 'B' },
  undo: { mod: true, key: 'Z' },
  redo: { apple: { mod: true, shift: true, key: 'Z' }, other: { mod: true, key: 'Y' } },
  comment: { mod: true, alt: true, key: 'M' },
} as const satisfies Record<string, Shortcut>;

/**
 * True where ProseMirror's keymap reads "Mod" as ⌘: the same test of `navigator.platform`
 * that prosemirror-keymap makes, so the tooltip names the key that actually works.
 */
export function isApplePlatform(platform: string = navigator.platform): boolean {
  return /Mac|iP(hone|[oa]d)/.test(platform);
}

/** How the other systems' modifier keys are printed, in the reader's language. */
export interface KeyNames {
  /** Ctrl. */
  mod: string;
  /** Alt. */
  alt: string;
  /** Shift ("Mayús" on Spanish keyboards). */
  shift: string;
}

/** A shortcut as shown in a tooltip: "⇧⌘8" on Apple systems, "Ctrl+Shift+8" elsewhere. */
export function formatShortcut(shortcut: Shortcut, apple: boolean, names: KeyNames): string {
  const keys = 'key' in shortcut ? shortcut : apple ? shortcut.apple : shortcut.other;
  if (apple) {
    // Apple's order of modifier symbols: Option, Shift, Command.
    return `${keys.alt ? '⌥' : ''}${keys.shift ? '⇧' : ''}${keys.mod ? '⌘' : ''}${keys.key}`;
  }
  const parts = [keys.mod && names.mod, keys.alt && names.alt, keys.shift && names.shift];
  return [...parts.filter((p): p is string => typeof p === 'string'), keys.key].join('+');
}
