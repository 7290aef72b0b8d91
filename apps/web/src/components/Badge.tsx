import type { ReactNode } from 'react';

/** The visual tones a badge can take. */
export type BadgeTone = 'neutral' | 'priority' | 'inferred' | 'priority-inferred';

/** Props of Badge. */
export interface BadgeProps {
  /** Colour and border style. */
  tone?: BadgeTone;
  /** Hover hint for pointer users; pair it with visible or visually hidden text for everyone else. */
  hint?: string;
  /** Badge text. */
  children: ReactNode;
}

/** A short, non-interactive label such as "Priority". */
export function Badge({ tone = 'neutral', hint, children }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}`} title={hint}>
      {children}
    </span>
  );
}
