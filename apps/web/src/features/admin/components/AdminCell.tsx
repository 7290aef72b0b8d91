import type { ReactNode } from 'react';

/** Props of AdminCell. */
export interface AdminCellProps {
  /** The cell's column heading, shown beside the value when rows stack on narrow screens. */
  label: string;
  /** The value. */
  children: ReactNode;
}

/**
 * A data cell of an AdminTable. On narrow screens each row becomes a card of labelled values;
 * the visible label is hidden from assistive technology, which reads the column header instead
 * (the table keeps its table semantics), so nothing is said twice.
 */
export function AdminCell({ label, children }: AdminCellProps) {
  return (
    <td role="cell">
      <span className="admin-table__label" aria-hidden="true">
        {label}
      </span>
      <div className="admin-table__value">{children}</div>
    </td>
  );
}
