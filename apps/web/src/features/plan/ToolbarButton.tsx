import type { ReactNode } from 'react';

/** Props of ToolbarButton. */
export interface ToolbarButtonProps {
  /** Accessible name and tooltip. */
  label: string;
  /** What the button shows (a glyph or short text). */
  children: ReactNode;
  /** Runs the command. */
  onClick: () => void;
  /** For toggles: whether the format is on at the selection. */
  pressed?: boolean;
  /** The command cannot run at the selection. */
  disabled?: boolean;
}

/** One toolbar button; toggles announce their state with aria-pressed. */
export function ToolbarButton({ label, children, onClick, pressed, disabled }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className="plan-toolbar__button"
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the editor's selection: a mouse click on a button would otherwise blur it first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {/* The glyph is decoration; the name is the translated label, read in full. */}
      <span aria-hidden="true">{children}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );
}
