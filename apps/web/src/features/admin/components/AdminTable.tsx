import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of AdminTable. */
export interface AdminTableProps {
  /** What the table lists, read first by screen readers. */
  caption: string;
  /** Hide the caption visually when a heading above already says it. */
  captionHidden?: boolean;
  /** Column headings in order; a last, visually hidden "Actions" column is added. */
  columns: readonly string[];
  /** The rows (`<tr role="row">` of AdminCell cells, then an actions cell). */
  children: ReactNode;
}

/**
 * The administration pages' table: caption, column headings and an actions column. Below
 * 960 px its rows stack as cards (admin.css), so a phone never scrolls sideways. The explicit
 * table roles keep it a table for screen readers even where a browser would drop the semantics
 * of a table whose display the stylesheet changed.
 */
export function AdminTable({ caption, captionHidden, columns, children }: AdminTableProps) {
  const { t } = useTranslation();
  return (
    <table className="admin-table" role="table">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {columns.map((column) => (
            <th key={column} scope="col" role="columnheader">
              {column}
            </th>
          ))}
          <th scope="col" role="columnheader">
            <span className="visually-hidden">{t('admin.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">{children}</tbody>
    </table>
  );
}
