import { useTranslation } from 'react-i18next';
import { TOOLBAR_SHORTCUTS } from './shortcuts';
import { ToolbarButton } from './ToolbarButton';

/** The plan's "Comment" button: comments on the selected passage (also Mod-Alt-M). */
export function CommentButton({ onComment }: { onComment: () => void }) {
  const { t } = useTranslation();
  return (
    <ToolbarButton
      label={t('plan.toolbar.comment')}
      shortcut={TOOLBAR_SHORTCUTS.comment}
      onClick={onComment}
    >
      <span className="plan-toolbar__text">{t('plan.toolbar.commentShort')}</span>
    </ToolbarButton>
  );
}

/** Whether a key press is the comment shortcut (Mod-Alt-M; by key code, as ⌥M types µ). */
export function isCommentShortcut(
  event: Pick<KeyboardEvent, 'metaKey' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'code'>,
  apple: boolean,
): boolean {
  const mod = apple ? event.metaKey : event.ctrlKey;
  return mod && event.altKey && !event.shiftKey && event.code === 'KeyM';
}
