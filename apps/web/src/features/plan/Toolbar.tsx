import { useState, type ReactNode } from 'react';
import { useEditorState, type ChainedCommands, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { CommentButton } from './CommentButton';
import { LinkForm } from './LinkForm';
import { TOOLBAR_SHORTCUTS } from './shortcuts';
import { TableTools } from './TableTools';
import { ToolbarButton } from './ToolbarButton';

/** Props of Toolbar. */
export interface ToolbarProps {
  /** The plan editor. */
  editor: Editor;
  /** Comments on the selection; without it there is no Comment button. */
  onComment?: () => void;
}

type FormatName = keyof typeof TOOLBAR_SHORTCUTS & keyof typeof FORMATS;

/** The toolbar's formatting buttons, in groups: what each shows and the command it runs. */
const FORMATS = {
  paragraph: { glyph: '¶', run: (c: ChainedCommands) => c.setParagraph() },
  heading2: { glyph: 'H2', run: (c: ChainedCommands) => c.toggleHeading({ level: 2 }) },
  heading3: { glyph: 'H3', run: (c: ChainedCommands) => c.toggleHeading({ level: 3 }) },
  bold: { glyph: <b>B</b>, run: (c: ChainedCommands) => c.toggleBold() },
  italic: { glyph: <i>I</i>, run: (c: ChainedCommands) => c.toggleItalic() },
  bulletList: { glyph: '•≡', run: (c: ChainedCommands) => c.toggleBulletList() },
  orderedList: { glyph: '1≡', run: (c: ChainedCommands) => c.toggleOrderedList() },
  blockquote: { glyph: '❝', run: (c: ChainedCommands) => c.toggleBlockquote() },
} satisfies Record<string, { glyph: ReactNode; run: (c: ChainedCommands) => ChainedCommands }>;

const BLOCKS: FormatName[] = ['paragraph', 'heading2', 'heading3'];
const MARKS: FormatName[] = ['bold', 'italic'];
const LISTS: FormatName[] = ['bulletList', 'orderedList', 'blockquote'];

/** The plan's formatting toolbar; undo and redo touch only this person's own changes. */
export function Toolbar({ editor, onComment }: ToolbarProps) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading2: e.isActive('heading', { level: 2 }),
      heading3: e.isActive('heading', { level: 3 }),
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
  const format = (name: FormatName) => (
    <ToolbarButton
      key={name}
      label={t(`plan.toolbar.${name}`)}
      shortcut={TOOLBAR_SHORTCUTS[name]}
      // "Normal text" is an action, not a state that can be on or off.
      pressed={name === 'paragraph' ? undefined : state[name]}
      onClick={() => FORMATS[name].run(run()).run()}
    >
      {FORMATS[name].glyph}
    </ToolbarButton>
  );
  const separator = <span className="plan-toolbar__sep" aria-hidden="true" />;
  return (
    <div className="plan-toolbar-wrap">
      <div className="plan-toolbar" role="toolbar" aria-label={t('plan.toolbar.label')}>
        {BLOCKS.map(format)}
        {separator}
        {MARKS.map(format)}
        <ToolbarButton
          label={t('plan.toolbar.link')}
          pressed={state.link || linking}
          onClick={() => setLinking((v) => !v)}
        >
          ↗
        </ToolbarButton>
        {separator}
        {LISTS.map(format)}
        {separator}
        <TableTools editor={editor} inTable={state.inTable} />
        {separator}
        <ToolbarButton
          label={t('plan.toolbar.undo')}
          shortcut={TOOLBAR_SHORTCUTS.undo}
          disabled={!state.canUndo}
          onClick={() => run().undo().run()}
        >
          ↶
        </ToolbarButton>
        <ToolbarButton
          label={t('plan.toolbar.redo')}
          shortcut={TOOLBAR_SHORTCUTS.redo}
          disabled={!state.canRedo}
          onClick={() => run().redo().run()}
        >
          ↷
        </ToolbarButton>
        {onComment ? (
          <>
            {separator}
            <CommentButton onComment={onComment} />
          </>
        ) : null}
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
