import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { ToolbarButton } from './ToolbarButton';

/** Props of TableTools. */
export interface TableToolsProps {
  /** The plan editor. */
  editor: Editor;
  /** The selection is inside a table. */
  inTable: boolean;
}

/** Insert a table; inside one, add or delete rows and columns, or the table. */
export function TableTools({ editor, inTable }: TableToolsProps) {
  const { t } = useTranslation();
  const run = () => editor.chain().focus();
  if (!inTable)
    return (
      <ToolbarButton
        label={t('plan.toolbar.insertTable')}
        onClick={() => run().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      >
        ▦
      </ToolbarButton>
    );
  return (
    <>
      <ToolbarButton label={t('plan.toolbar.addRow')} onClick={() => run().addRowAfter().run()}>
        +≡
      </ToolbarButton>
      <ToolbarButton
        label={t('plan.toolbar.addColumn')}
        onClick={() => run().addColumnAfter().run()}
      >
        +‖
      </ToolbarButton>
      <ToolbarButton label={t('plan.toolbar.deleteRow')} onClick={() => run().deleteRow().run()}>
        −≡
      </ToolbarButton>
      <ToolbarButton
        label={t('plan.toolbar.deleteColumn')}
        onClick={() => run().deleteColumn().run()}
      >
        −‖
      </ToolbarButton>
      <ToolbarButton
        label={t('plan.toolbar.deleteTable')}
        onClick={() => run().deleteTable().run()}
      >
        ✕▦
      </ToolbarButton>
    </>
  );
}
