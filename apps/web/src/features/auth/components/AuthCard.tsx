import type { ReactNode } from 'react';

/** Props of AuthCard. */
export interface AuthCardProps {
  /** The page's h1. */
  title: string;
  /** A sentence under the title. */
  lead?: ReactNode;
  /** The form. */
  children: ReactNode;
}

/** The narrow, centred frame of the sign-in, setup and invitation pages. */
export function AuthCard({ title, lead, children }: AuthCardProps) {
  return (
    <div className="page auth-page">
      <section className="card auth-card" aria-labelledby="auth-title">
        <h1 id="auth-title" tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p className="auth-card__lead">{lead}</p> : null}
        {children}
      </section>
    </div>
  );
}
