import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortcut, isApplePlatform, type Shortcut } from './shortcuts';
import { useTooltip } from './useTooltip';

/** Props of ToolbarButton. */
export interface ToolbarButtonProps {
  /** Accessible name, also the tooltip's first line. */
  label: string;
  /** What the button shows (a glyph or short text). */
  children: ReactNode;
  /** Runs the command. */
  onClick: () => void;
  /** The editor's keyboard shortcut for the same command, shown in the tooltip. */
  shortcut?: Shortcut;
  /** For toggles: whether the format is on at the selection. */
  pressed?: boolean;
  /** The command cannot run at the selection. */
  disabled?: boolean;
}

/**
 * One toolbar button with a visible tooltip (on mouse hover and keyboard focus) that names it
 * and its shortcut. The button's accessible name is the same label, as its own (visually
 * hidden) text beside the decorative glyph, and the shortcut is its description; the tooltip
 * shows both for the eye and is hidden from assistive technology, which would read them twice.
 */
export function ToolbarButton(props: ToolbarButtonProps) {
  const { label, children, onClick, shortcut, pressed, disabled } = props;
  const { t } = useTranslation();
  const id = useId();
  const { bubbleRef, anchorProps } = useTooltip();
  const keys = shortcut
    ? formatShortcut(shortcut, isApplePlatform(), {
        mod: t('plan.toolbar.keys.mod'),
        alt: t('plan.toolbar.keys.alt'),
        shift: t('plan.toolbar.keys.shift'),
      })
    : null;
  return (
    <span className="plan-toolbar__item" {...anchorProps}>
      <button
        type="button"
        className="plan-toolbar__button"
        aria-describedby={keys ? `${id}-keys` : undefined}
        aria-pressed={pressed}
        disabled={disabled}
        // Keep the editor's selection: a mouse click on a button would otherwise blur it first.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
      >
        <span aria-hidden="true">{children}</span>
        <span className="visually-hidden">{label}</span>
      </button>
      <span ref={bubbleRef} className="plan-toolbar__tip" role="tooltip" aria-hidden="true">
        <span>{label}</span>
        {keys ? (
          <kbd id={`${id}-keys`} className="plan-toolbar__keys">
            {keys}
          </kbd>
        ) : null}
      </span>
    </span>
  );
}
