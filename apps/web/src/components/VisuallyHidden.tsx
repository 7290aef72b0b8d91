import type { ReactNode } from 'react';

/** Text read by assistive technology but not shown on screen. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
