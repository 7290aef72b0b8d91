import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round, ThreadSubject } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { ThreadDiscussion } from '../threads/ThreadDiscussion';
import { lineName, type RoundLine } from './roundLine';

/** Props of BoardDiscussion. */
export interface BoardDiscussionProps {
  round: Round;
  /** The program's line: a board row, or a candidate while the board is hidden. */
  line: RoundLine;
  /** The thread to open first (a notification's link names it). */
  initialThreadId: string | null;
  onClose: () => void;
}

/**
 * The discussion of one program's line on the round's board (threads with the `roundProgram`
 * subject): shown under the board, or under the candidates while results are hidden — when
 * delegations discuss most — its heading focused when it opens so keyboard and screen reader
 * users land in it.
 */
export function BoardDiscussion({ round, line, initialThreadId, onClose }: BoardDiscussionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const subject = useMemo<ThreadSubject>(
    () => ({ kind: 'roundProgram', roundId: round.id, programId: line.programId }),
    [round.id, line.programId],
  );
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus({ preventScroll: true });
  }, [line.programId]);
  return (
    <section
      id="board-discussion"
      className="board-discussion"
      aria-labelledby="board-discussion-title"
    >
      <div className="board-discussion__head">
        <h3 id="board-discussion-title" ref={heading} tabIndex={-1}>
          {t('priorities.board.discussionOf', { program: lineName(line, locale) })}
        </h3>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('priorities.board.closeDiscussion')}
        </button>
      </div>
      <ThreadDiscussion
        key={`${line.programId}:${initialThreadId ?? ''}`}
        subject={subject}
        denied={round.abilities.denied.comment}
        initialThreadId={initialThreadId}
      />
    </section>
  );
}
