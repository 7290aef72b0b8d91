import { useTranslation } from 'react-i18next';
import type { PlanComments } from './usePlanComments';

/** "Comments (n open)": opens or closes the plan's comments panel. */
export function CommentsToggle({ comments }: { comments: PlanComments }) {
  const { t } = useTranslation();
  const count = comments.list.data?.openCount ?? 0;
  return (
    <button
      type="button"
      className="button button--secondary plan__comments-toggle"
      aria-expanded={comments.open}
      onClick={() => (comments.open ? comments.close() : comments.select(null))}
    >
      {t('threads.toggle', { count })}
    </button>
  );
}
