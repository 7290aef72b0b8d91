import { useTranslation } from 'react-i18next';
import type { Thread } from '@mesa/shared';
import { CommentItem } from './CommentItem';
import { Composer } from './Composer';
import { ThreadQuote } from './ThreadQuote';
import { threadErrorText } from './threadErrorText';
import type { ThreadActions } from './useThreads';
import type { ThreadReader } from './useThreadReader';

/** Props of ThreadView. */
export interface ThreadViewProps {
  /** The thread. */
  thread: Thread;
  /** Who reads. */
  reader: ThreadReader;
  /** The subject's actions. */
  actions: ThreadActions;
  /** The heading's id (the panel is labelled by it). */
  headingId?: string;
}

/**
 * One thread: its passage, comments oldest first, who resolved it, and what the reader may do
 * (the list around it says why a reader may not write).
 */
export function ThreadView({ thread, reader, actions, headingId }: ThreadViewProps) {
  const { t } = useTranslation();
  const resolved = thread.state === 'resolved';
  const stateError = threadErrorText(actions.setState.error, t);
  return (
    <article className="thread" aria-labelledby={headingId}>
      <h3 id={headingId} className="thread__title">
        {t('threads.threadBy', { author: thread.author.name })}
      </h3>
      {thread.anchor ? <ThreadQuote anchor={thread.anchor} /> : null}
      {resolved && thread.resolvedBy && thread.resolvedAt ? (
        <p className="thread__resolved">
          {t('threads.resolvedBy', {
            author: thread.resolvedBy.name,
            time: reader.time(thread.resolvedAt),
          })}
        </p>
      ) : null}
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            subject={thread.subject}
            reader={reader}
            actions={actions}
            canWrite={thread.abilities.reply}
          />
        ))}
      </ol>
      {thread.abilities.resolve ? (
        <button
          type="button"
          className="button button--secondary thread__state"
          disabled={actions.setState.isPending}
          onClick={() =>
            actions.setState.mutate({
              threadId: thread.id,
              action: resolved ? 'reopen' : 'resolve',
            })
          }
        >
          {resolved ? t('threads.reopen') : t('threads.resolve')}
        </button>
      ) : null}
      {stateError ? (
        <p className="composer__error" role="alert">
          {stateError}
        </p>
      ) : null}
      {thread.abilities.reply ? (
        <Composer
          subject={thread.subject}
          label={t('threads.replyLabel')}
          submitLabel={t('threads.reply')}
          busyLabel={actions.reply.isPending ? t('threads.sending') : null}
          error={threadErrorText(actions.reply.error, t)}
          onSubmit={(body) => actions.reply.mutateAsync({ threadId: thread.id, body })}
        />
      ) : null}
    </article>
  );
}
