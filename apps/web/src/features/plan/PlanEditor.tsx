import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import type { CollabSession, LocalUser } from '../../lib/collab';
import { livePlanExtensions } from './liveExtensions';
import { Toolbar } from './Toolbar';

/** Props of PlanEditor. */
export interface PlanEditorProps {
  /** The open plan session. */
  session: CollabSession;
  /** This person's caret identity. */
  user: LocalUser;
  /** The person may edit; otherwise the plan is shown live without an editable surface. */
  editable: boolean;
}

/**
 * The plan, bound to its Yjs document (livePlanExtensions: the shared schema, Collaboration
 * with undo/redo of one's own changes, and the other people's carets).
 */
export function PlanEditor({ session, user, editable }: PlanEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = t('plan.editorLabel');
  const editor = useEditor(
    {
      extensions: livePlanExtensions(session, user, locale),
      editable,
      editorProps: {
        attributes: editable
          ? { class: 'plan-doc', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label }
          : { class: 'plan-doc plan-doc--readonly', role: 'document', 'aria-label': label },
      },
    },
    [session, editable, label, locale],
  );
  return (
    <div className="plan-editor">
      {editable && editor ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} className="plan-editor__content" />
    </div>
  );
}
