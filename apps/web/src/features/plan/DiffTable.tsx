import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDiffBlock } from '@mesa/shared';

type TableBlock = Extract<PlanDiffBlock, { kind: 'table' }>;
type Row = TableBlock['rows'][number];
type Cell = Row['cells'][number];

const signs = { equal: '', added: '+', removed: '−', changed: '~' } as const;

function Hidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}

/** A cell's content: in a changed row, each changed cell says what it was and what it is. */
function CellContent({ cell, rowOp }: { cell: Cell; rowOp: Row['op'] }) {
  const { t } = useTranslation();
  const text = cell.text || '\u00a0';
  // A whole added or removed row is announced once, by its mark; its cells need no label.
  const labelled = rowOp === 'changed';
  if (cell.op === 'changed')
    return (
      <>
        <del>
          <Hidden>{t('plan.versions.before')}: </Hidden>
          {cell.before}
        </del>{' '}
        <ins>
          <Hidden>{t('plan.versions.now')}: </Hidden>
          {text}
        </ins>
      </>
    );
  if (cell.op === 'added')
    return (
      <ins>
        {labelled ? <Hidden>{t('plan.versions.added')}: </Hidden> : null}
        {text}
      </ins>
    );
  if (cell.op === 'removed')
    return (
      <del>
        {labelled ? <Hidden>{t('plan.versions.removed')}: </Hidden> : null}
        {text}
      </del>
    );
  return <>{text}</>;
}

function DiffRow({ row }: { row: Row }) {
  const { t } = useTranslation();
  return (
    <tr className={`diff-table__row diff-table__row--${row.op}`}>
      <td className="diff-table__mark">
        <span aria-hidden="true">{signs[row.op]}</span>
        {row.op === 'equal' ? null : <Hidden>{t(`plan.versions.row.${row.op}`)}</Hidden>}
      </td>
      {row.cells.map((cell, index) => {
        const Tag = cell.header ? 'th' : 'td';
        return (
          <Tag key={index} className={`diff-table__cell diff-table__cell--${cell.op}`}>
            <CellContent cell={cell} rowOp={row.op} />
          </Tag>
        );
      })}
    </tr>
  );
}

/**
 * A table of the plan as compared with a version, shown as a table: a first column marks each
 * added (+), removed (−) or changed (~) row in signs and in words for screen readers; a
 * changed cell shows its old text struck through beside its new one.
 */
export function DiffTable({ table }: { table: TableBlock }) {
  const { t } = useTranslation();
  const caption = t(`plan.versions.table.${table.op}`);
  return (
    // Wide tables scroll inside their own box, which keyboard users can focus to scroll.
    <div className="diff-table__scroll" role="group" aria-label={caption} tabIndex={0}>
      <table className="diff-table">
        <caption className={table.op === 'equal' ? 'visually-hidden' : 'diff-table__caption'}>
          {caption}
        </caption>
        <tbody>
          {table.rows.map((row, index) => (
            <DiffRow key={index} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
