import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import type { CollabSession, LocalUser } from '../../lib/collab';
import { CommentButton, isCommentShortcut } from './CommentButton';
import { livePlanExtensions } from './liveExtensions';
import { planFundingLink } from './fundingLink';
import { ReadOnlyText } from './readOnlyText';
import { isApplePlatform } from './shortcuts';
import {
  anchorFromSelection,
  type AnchorDraft,
  type AnchorProblem,
  type HighlightInput,
} from './threadAnchors';
import { Toolbar } from './Toolbar';
import { useThreadHighlights } from './useThreadHighlights';

/** What the editor does with the plan's comment threads. */
export interface PlanEditorComments extends HighlightInput {
  /** The person may comment (observers too, in a read-only editor). */
  canComment: boolean;
  /** "Comment" was chosen: the selected passage as an anchor, or why there is none. */
  onComment: (anchor: AnchorDraft | AnchorProblem) => void;
  /** A highlighted passage was clicked. */
  onOpen: (threadId: string) => void;
}

/** Props of PlanEditor. */
export interface PlanEditorProps {
  /** The open plan session. */
  session: CollabSession;
  /** This person's caret identity. */
  user: LocalUser;
  /** The person may edit; otherwise the plan is shown live, read-only but keyboard-selectable. */
  editable: boolean;
  /** The threads on the plan's passages. */
  comments: PlanEditorComments;
  /** The text's accessible name (the plan's by default; a meeting's minutes name their own). */
  label?: string;
}

/**
 * The plan, bound to its Yjs document (livePlanExtensions: the shared schema, Collaboration
 * with undo/redo of one's own changes, the other people's carets, the threads' highlights).
 * People who may comment select text, even in a read-only plan, and choose Comment. A read-only
 * plan takes the focus and the caret, so a passage is selected by keyboard too, and refuses
 * every change of its text but Yjs' (ReadOnlyText).
 */
export function PlanEditor({ session, user, editable, comments, label: named }: PlanEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = named ?? t('plan.editorLabel');
  const editor = useEditor(
    {
      extensions: [
        ...livePlanExtensions(session, user, locale),
        ...planFundingLink(session.provider.roomname, t('funding.plan.link')),
        ...(editable ? [] : [ReadOnlyText]),
      ],
      editorProps: {
        attributes: {
          class: 'plan-doc',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
        },
      },
    },
    [session, editable, label, locale],
  );
  useThreadHighlights(editor, comments);
  const comment = comments.canComment
    ? () => {
        if (editor) comments.onComment(anchorFromSelection(editor.state));
      }
    : undefined;
  return (
    <div
      className="plan-editor"
      onKeyDown={(event) => {
        if (!comment || !isCommentShortcut(event, isApplePlatform())) return;
        event.preventDefault();
        comment();
      }}
      onClick={(event) => {
        const mark = (event.target as Element).closest('[data-thread-id]');
        const id = mark?.getAttribute('data-thread-id');
        // A drag that selects text inside a highlight is a selection, not a click on it.
        if (id && window.getSelection()?.isCollapsed !== false) comments.onOpen(id);
      }}
    >
      {editable && editor ? <Toolbar editor={editor} onComment={comment} /> : null}
      {!editable && comment ? (
        <div className="plan-toolbar-wrap">
          <div className="plan-toolbar" role="toolbar" aria-label={t('plan.toolbar.commentLabel')}>
            <CommentButton onComment={comment} />
          </div>
        </div>
      ) : null}
      <EditorContent editor={editor} className="plan-editor__content" />
    </div>
  );
}
