import type { ReactNode } from 'react';

/** Props of Card. */
export interface CardProps {
  /** Id of the heading that names the card's region. */
  labelledBy: string;
  /** Extra class names. */
  className?: string;
  /** Card content, starting with its heading. */
  children: ReactNode;
}

/** A bordered region of a page, named by its own heading. */
export function Card({ labelledBy, className, children }: CardProps) {
  const classes = className ? `card ${className}` : 'card';
  return (
    <section className={classes} aria-labelledby={labelledBy}>
      {children}
    </section>
  );
}
