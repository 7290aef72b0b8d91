import { useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { LinkForm } from './LinkForm';
import { TableTools } from './TableTools';
import { ToolbarButton } from './ToolbarButton';

/** Props of Toolbar. */
export interface ToolbarProps {
  /** The plan editor. */
  editor: Editor;
}

/** The plan's formatting toolbar; undo and redo touch only this person's own changes. */
export function Toolbar({ editor }: ToolbarProps) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      href: String(e.getAttributes('link').href ?? ''),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const run = () => editor.chain().focus();
  return (
    <div className="plan-toolbar-wrap">
      <div className="plan-toolbar" role="toolbar" aria-label={t('plan.toolbar.label')}>
        <ToolbarButton
          label={t('plan.toolbar.paragraph')}
          onClick={() => run().setParagraph().run()}
        >
          ¶
        </ToolbarButton>
        <ToolbarButton
          label={t('plan.toolbar.heading2')}
          pressed={state.h2}
          onClick={() => run().toggleHeading({ level: 2 }).run()}
        >
          H2
        </ToolbarButton>
        <ToolbarButton
          label={t('plan.toolbar.heading3')}
          pressed={state.h3}
          onClick={() => run().toggleHeading({ level: 3 }).run()}
        >
          H3
        </ToolbarButton>
        <span className="plan-toolbar__sep" aria-hidden="true" />
        <ToolbarButton
          label={t('plan.toolbar.bold')}
          pressed={state.bold}
          onClick={() => run().toggleBold().run()}
        >
          <b>B</b>
        </ToolbarButton>
        <ToolbarButton
          label={t('plan.toolbar.italic')}
          pressed={state.italic}
          onClick={() => run().toggleItalic().run()}
        >
          <i>I</i>
        </ToolbarButton>
        <ToolbarButton
          label={t('plan.toolbar.link')}
          pressed={state.link || linking}
          onClick={() => setLinking((v) => !v)}
        >
          ↗
        </ToolbarButton>
        <span className="plan-toolbar__sep" aria-hidden="true" />
        <ToolbarButton
          label={t('plan.toolbar.bulletList')}
          pressed={state.bulletList}
          onClick={() => run().toggleBulletList().run()}
        >
          •≡
        </ToolbarButton>
        <ToolbarButton
          label={t('plan.toolbar.orderedList')}
          pressed={state.orderedList}
          onClick={() => run().toggleOrderedList().run()}
        >
          1≡
        </ToolbarButton>
        <ToolbarButton
          label={t('plan.toolbar.blockquote')}
          pressed={state.blockquote}
          onClick={() => run().toggleBlockquote().run()}
        >
          ❝
        </ToolbarButton>
        <span className="plan-toolbar__sep" aria-hidden="true" />
        <TableTools editor={editor} inTable={state.inTable} />
        <span className="plan-toolbar__sep" aria-hidden="true" />
        <ToolbarButton
          label={t('plan.toolbar.undo')}
          disabled={!state.canUndo}
          onClick={() => run().undo().run()}
        >
          ↶
        </ToolbarButton>
        <ToolbarButton
          label={t('plan.toolbar.redo')}
          disabled={!state.canRedo}
          onClick={() => run().redo().run()}
        >
          ↷
        </ToolbarButton>
      </div>
      {linking ? (
        <LinkForm
          initial={state.href}
          onApply={(href) => {
            run().extendMarkRange('link').setLink({ href }).run();
            setLinking(false);
          }}
          onRemove={() => {
            run().extendMarkRange('link').unsetLink().run();
            setLinking(false);
          }}
          onCancel={() => {
            setLinking(false);
            editor.commands.focus();
          }}
        />
      ) : null}
    </div>
  );
}
