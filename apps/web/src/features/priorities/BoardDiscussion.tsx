import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow, Round, ThreadSubject } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { localizedTitle } from '../portfolio/localizedTitle';
import { ThreadDiscussion } from '../threads/ThreadDiscussion';

/** The name of a board line: its code and title in the reader's language. */
export function lineName(row: BoardRow, locale: 'en' | 'es'): string {
  return [row.code, localizedTitle(row, locale)].filter(Boolean).join(' ');
}

/** Props of BoardDiscussion. */
export interface BoardDiscussionProps {
  round: Round;
  row: BoardRow;
  /** The thread to open first (a notification's link names it). */
  initialThreadId: string | null;
  onClose: () => void;
}

/**
 * The discussion of one program's line on the round's board (threads with the `roundProgram`
 * subject): shown under the board, its heading focused when it opens so keyboard and screen
 * reader users land in it.
 */
export function BoardDiscussion({ round, row, initialThreadId, onClose }: BoardDiscussionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const subject = useMemo<ThreadSubject>(
    () => ({ kind: 'roundProgram', roundId: round.id, programId: row.programId }),
    [round.id, row.programId],
  );
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus({ preventScroll: true });
  }, [row.programId]);
  return (
    <section
      id="board-discussion"
      className="board-discussion"
      aria-labelledby="board-discussion-title"
    >
      <div className="board-discussion__head">
        <h3 id="board-discussion-title" ref={heading} tabIndex={-1}>
          {t('priorities.board.discussionOf', { program: lineName(row, locale) })}
        </h3>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('priorities.board.closeDiscussion')}
        </button>
      </div>
      <ThreadDiscussion
        key={`${row.programId}:${initialThreadId ?? ''}`}
        subject={subject}
        denied={round.abilities.denied.comment}
        initialThreadId={initialThreadId}
      />
    </section>
  );
}
