import type { ReactNode } from 'react';

/** Props of EmptyState. */
export interface EmptyStateProps {
  /** Heading of the state; the page's h1 when the state replaces the page. */
  title: string;
  /** Heading level, 1 when the state stands for the whole page. */
  level?: 1 | 2;
  /** What happened and what to do next. */
  body: string;
  /** The way forward, usually a link. */
  action?: ReactNode;
}

/** A calm message block for "nothing here" and "not found" situations. */
export function EmptyState({ title, level = 2, body, action }: EmptyStateProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div className="empty-state">
      <Heading className="empty-state__title">{title}</Heading>
      <p>{body}</p>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
