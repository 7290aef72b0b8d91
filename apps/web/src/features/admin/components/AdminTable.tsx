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
  /** The rows (`<tr>` elements). */
  children: ReactNode;
}

/** The administration pages' table: caption, column headings and an actions column. */
export function AdminTable({ caption, captionHidden, columns, children }: AdminTableProps) {
  const { t } = useTranslation();
  return (
    <table className="admin-table">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">{t('admin.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
