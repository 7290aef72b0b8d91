import type { ReactNode } from 'react';

/** Props of RoomCard. */
export interface RoomCardProps {
  /** The heading's id (the section is labelled by it). */
  id: string;
  /** The heading's text. */
  title: string;
  /** The part's own class ("room-queue"). */
  className: string;
  children: ReactNode;
}

/** One part of the room: a section labelled by its level-3 heading. */
export function RoomCard({ id, title, className, children }: RoomCardProps) {
  return (
    <section className={`room-card ${className}`} aria-labelledby={id}>
      <h3 id={id} className="room-card__heading">
        {title}
      </h3>
      {children}
    </section>
  );
}
