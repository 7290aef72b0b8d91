import type { ReactNode } from 'react';

/** Props of FactRow. */
export interface FactRowProps {
  /** The fact's name. */
  label: string;
  /** The fact's value, or NotRecorded. */
  children: ReactNode;
}

/** One name–value pair of a description list. */
export function FactRow({ label, children }: FactRowProps) {
  return (
    <div className="fact-row">
      <dt className="fact-row__label">{label}</dt>
      <dd className="fact-row__value">{children}</dd>
    </div>
  );
}
