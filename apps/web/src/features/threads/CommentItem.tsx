import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment, ThreadSubject } from '@mesa/shared';
import { CommentText } from './CommentText';
import { Composer } from './Composer';
import { threadErrorText } from './threadErrorText';
import type { ThreadActions } from './useThreads';
import type { ThreadReader } from './useThreadReader';

/** Props of CommentItem. */
export interface CommentItemProps {
  /** The comment. */
  comment: Comment;
  /** The thread's subject (mentions while editing). */
  subject: ThreadSubject;
  /** Who reads. */
  reader: ThreadReader;
  /** The subject's actions. */
  actions: ThreadActions;
  /** The reader may still write on the subject (their own comments stay theirs to edit). */
  canWrite: boolean;
}

/** One comment: author and organization, time, "edited", the text or the deleted placeholder. */
export function CommentItem({ comment, subject, reader, actions, canWrite }: CommentItemProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const deleted = comment.body === null;
  const own = comment.author.id === reader.id && canWrite;
  const canDelete = !deleted && (own || reader.administers);
  if (editing && comment.body !== null) {
    return (
      <li className="comment">
        <Composer
          subject={subject}
          label={t('threads.editLabel')}
          submitLabel={t('threads.save')}
          initial={comment.body}
          autoFocus
          busyLabel={actions.edit.isPending ? t('threads.saving') : null}
          error={threadErrorText(actions.edit.error, t)}
          onCancel={() => setEditing(false)}
          onSubmit={(body) =>
            actions.edit.mutateAsync({ commentId: comment.id, body }).then(() => setEditing(false))
          }
        />
      </li>
    );
  }
  return (
    <li className={`comment${deleted ? ' comment--deleted' : ''}`}>
      <p className="comment__meta">
        <span className="comment__author">{comment.author.name}</span>{' '}
        <span className="comment__org">{comment.author.organizationName[reader.locale]}</span>{' '}
        <time dateTime={comment.createdAt}>{reader.time(comment.createdAt)}</time>
        {comment.editedAt && !deleted ? (
          <span className="comment__edited">
            {' · '}
            {t('threads.edited', { time: reader.time(comment.editedAt) })}
          </span>
        ) : null}
      </p>
      {comment.body === null ? (
        <p className="comment__placeholder">{t('threads.deleted')}</p>
      ) : (
        <CommentText body={comment.body} mentions={comment.mentions} />
      )}
      {confirming ? (
        <div className="comment__confirm" role="group" aria-label={t('threads.deleteConfirm')}>
          <span>{t('threads.deleteConfirm')}</span>
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() =>
              actions.remove.mutate(comment.id, { onSettled: () => setConfirming(false) })
            }
          >
            {t('threads.delete')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setConfirming(false)}
          >
            {t('threads.keep')}
          </button>
        </div>
      ) : (
        <div className="comment__actions">
          {own && !deleted ? (
            <button type="button" className="threads-text-button" onClick={() => setEditing(true)}>
              {t('threads.edit')}
            </button>
          ) : null}
          {canDelete ? (
            <button
              type="button"
              className="threads-text-button"
              onClick={() => setConfirming(true)}
            >
              {t('threads.delete')}
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}
