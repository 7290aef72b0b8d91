import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadSubject } from '@mesa/shared';
import type { CollabStatus } from '../../lib/collabPolicy';
import { Composer } from '../threads/Composer';
import { ThreadQuote } from '../threads/ThreadQuote';
import { threadErrorText } from '../threads/threadErrorText';
import type { ThreadActions } from '../threads/useThreads';
import type { AnchorDraft } from './threadAnchors';

/** Props of NewAnchoredThread. */
export interface NewAnchoredThreadProps {
  /** The plan. */
  subject: ThreadSubject;
  /** The selected passage (its quote is shown, never sent: the server reads its own). */
  anchor: AnchorDraft;
  /** The plan session's status: the anchor is posted only once its text is saved. */
  status: CollabStatus;
  /** The plan's thread actions. */
  actions: ThreadActions;
  /** The thread was opened. */
  onCreated: (threadId: string) => void;
  /** The person gave up. */
  onCancel: () => void;
}

/** Whether everything this tab typed is stored, so the server holds the quoted passage. */
function passageSaved(status: CollabStatus): boolean {
  return status.kind === 'saved' || status.kind === 'read-only';
}

/**
 * A new thread on the selected passage: its quote and the first comment. Sending waits, saying
 * so, until the plan is "Saved", then posts the passage's relative positions with the comment.
 */
export function NewAnchoredThread(props: NewAnchoredThreadProps) {
  const { subject, anchor, status, actions, onCreated, onCancel } = props;
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState<string | null>(null);
  const posting = useRef(false);
  const settle = useRef<{ resolve: () => void; reject: (e: unknown) => void } | null>(null);
  const saved = passageSaved(status);
  useEffect(() => {
    if (waiting === null || !saved || posting.current) return;
    posting.current = true;
    const done = () => {
      posting.current = false;
      setWaiting(null);
    };
    const { start, end } = anchor;
    actions.create.mutateAsync({ body: waiting, anchor: { start, end } }).then(
      (thread) => {
        done();
        settle.current?.resolve();
        onCreated(thread.id);
      },
      (error: unknown) => {
        done();
        settle.current?.reject(error);
      },
    );
  }, [waiting, saved, actions.create, anchor, onCreated]);
  const busy = waiting !== null ? t('threads.waitingForSave') : null;
  return (
    <Composer
      subject={subject}
      label={t('threads.newCommentLabel')}
      submitLabel={t('threads.comment')}
      autoFocus
      busyLabel={actions.create.isPending ? t('threads.sending') : busy}
      error={threadErrorText(actions.create.error, t)}
      onCancel={onCancel}
      onSubmit={(body) =>
        new Promise<void>((resolve, reject) => {
          settle.current = { resolve, reject };
          setWaiting(body);
        })
      }
    >
      <ThreadQuote anchor={anchor} />
    </Composer>
  );
}
